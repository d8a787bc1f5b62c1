import { IdempotencyRecord } from '@khoinghiep/api';
import { MESSAGING_ENTITIES } from '@khoinghiep/messaging';
import { Application } from './applications/application.entity.js';
import { ApplicationHistoryEntry } from './applications/application-history-entry.entity.js';
import { Attachment } from './applications/attachment.entity.js';
import { BudgetLine } from './applications/budget-line.entity.js';
import { Appraisal } from './appraisal/appraisal.entity.js';
import { AppraisalAssignment } from './appraisal/appraisal-assignment.entity.js';
import { AppraisalHistoryEntry } from './appraisal/appraisal-history-entry.entity.js';
import { AppraisalScore } from './appraisal/appraisal-score.entity.js';
import { AppraiserRosterEntry } from './appraisal/appraiser-roster-entry.entity.js';
import { ApprovalLimit } from './approval-limits/approval-limit.entity.js';
import { FundingCall } from './calls/funding-call.entity.js';
import { FundingCallHistoryEntry } from './calls/funding-call-history-entry.entity.js';
import { PrivateInvestor } from './coinvestment/private-investor.entity.js';
import { CoinvestmentLead } from './coinvestment-leads/coinvestment-lead.entity.js';
import { LeadCommitment } from './coinvestment-leads/lead-commitment.entity.js';
import { Decision } from './decisions/decision.entity.js';
import { EligibilityOutcome } from './eligibility/eligibility-outcome.entity.js';
import { Fund } from './funds/fund.entity.js';
import { FundHistoryEntry } from './funds/fund-history-entry.entity.js';
import { Grant } from './grants/grant.entity.js';
import { LedgerBalance } from './ledger/ledger-balance.entity.js';
import { LedgerEntry } from './ledger/ledger-entry.entity.js';
import { LedgerTransaction } from './ledger/ledger-transaction.entity.js';
import { KnownProject } from './project-directory/known-project.entity.js';
import { RuleVersion } from './rules/rule-version.entity.js';
import { GrantDisbursement } from './tranches/grant-disbursement.entity.js';
import { Tranche } from './tranches/tranche.entity.js';
import { TrancheHistoryEntry } from './tranches/tranche-history-entry.entity.js';

/** Every entity of the funding database (the outbox and inbox of the messaging library included). */
export const fundingEntities = [
  ...MESSAGING_ENTITIES,
  Fund,
  FundHistoryEntry,
  FundingCall,
  FundingCallHistoryEntry,
  KnownProject,
  Application,
  BudgetLine,
  Attachment,
  EligibilityOutcome,
  ApplicationHistoryEntry,
  RuleVersion,
  AppraiserRosterEntry,
  Appraisal,
  AppraisalAssignment,
  AppraisalScore,
  AppraisalHistoryEntry,
  IdempotencyRecord,
  LedgerBalance,
  LedgerEntry,
  LedgerTransaction,
  ApprovalLimit,
  Decision,
  Grant,
  GrantDisbursement,
  Tranche,
  TrancheHistoryEntry,
  PrivateInvestor,
  CoinvestmentLead,
  LeadCommitment,
];
