import type { BulkApprovalView, CallRankingView, DecisionView, GrantView } from '@khoinghiep/contracts';
import { localise } from '@khoinghiep/http';
import type { Grant } from '../grants/grant.entity.js';
import type { Decision } from './decision.entity.js';
import type { BulkOutcome, CallRanking, DecisionOutcome } from './decisions.service.js';

export const toGrantView = (grant: Grant): GrantView => ({
  id: grant.id,
  applicationId: grant.applicationId,
  decisionId: grant.decisionId,
  callId: grant.callId,
  projectId: grant.projectId,
  beneficiaryId: grant.beneficiaryId,
  amount: grant.amount,
  ruleVersionIds: grant.ruleVersionIds,
  approvedBy: grant.approvedBy,
  approvedAt: grant.approvedAt.toISOString(),
});

export const toDecisionView = ({
  decision,
  grant,
}: {
  decision: Decision;
  grant: Grant | null;
}): DecisionView => ({
  id: decision.id,
  applicationId: decision.applicationId,
  callId: decision.callId,
  outcome: decision.outcome,
  requestedAmount: decision.requestedAmount,
  approvedAmount: decision.approvedAmount,
  reason: decision.reason,
  ruleVersionIds: decision.ruleVersionIds,
  decidedBy: decision.decidedBy,
  decidedOn: decision.decidedOn,
  decidedAt: decision.decidedAt.toISOString(),
  grantId: grant?.id ?? null,
});

export const toBulkApprovalView = (outcome: BulkOutcome): BulkApprovalView => ({
  approved: outcome.approved.map((one: DecisionOutcome) => toDecisionView(one)),
  stopped: outcome.stoppedAt !== null,
  stoppedAtIndex: outcome.stoppedAt?.index ?? null,
  stoppedAtApplicationId: outcome.stoppedAt?.applicationId ?? null,
  stopCode: outcome.stoppedAt?.error.code ?? null,
  stopReasonVi: outcome.stoppedAt
    ? localise(outcome.stoppedAt.error.messages.detail, 'vi', outcome.stoppedAt.error.params)
    : null,
  stopReasonEn: outcome.stoppedAt
    ? localise(outcome.stoppedAt.error.messages.detail, 'en', outcome.stoppedAt.error.params)
    : null,
  remaining: outcome.remaining.toString(),
});

export const toCallRankingView = ({
  call,
  ranking,
  priorityRuleVersionId,
  byId,
}: CallRanking): CallRankingView => ({
  callId: call.id,
  allocationRule: call.allocationRule,
  rankedBy: ranking.rankedBy,
  priorityRuleVersionId,
  budget: call.budget,
  committed: call.committed,
  remaining: (BigInt(call.budget) - BigInt(call.committed)).toString(),
  entries: ranking.entries.map((entry) => ({
    position: entry.position,
    applicationId: entry.applicationId,
    projectId: byId.get(entry.applicationId)?.projectId as string,
    applicantId: byId.get(entry.applicationId)?.applicantId as string,
    requested: entry.requested.toString(),
    submittedAt: entry.submittedAt.toISOString(),
    score: entry.score === null ? null : entry.score.toFixed(2),
    priorityGroups: [...entry.priorityGroups],
    reasonVi: entry.reason.vi,
    reasonEn: entry.reason.en,
    cumulativeRequested: entry.cumulativeRequested.toString(),
    covered: entry.covered,
  })),
});
