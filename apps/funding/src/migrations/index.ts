import { IdempotencyRecords1791000005000 } from '@khoinghiep/api';
import { MESSAGING_MIGRATIONS } from '@khoinghiep/messaging';
import { ProgrammeRules1791000001000 } from './1791000001000-programme-rules.js';
import { ProgrammeRulesSeed1791000001001 } from './1791000001001-programme-rules-seed.js';
import { ProgrammeRuleIds1791000001002 } from './1791000001002-programme-rule-ids.js';
import { FundsAndCalls1791000002000 } from './1791000002000-funds-and-calls.js';
import { FundRuleVersionReferences1791000002001 } from './1791000002001-fund-rule-version-references.js';
import { ProjectDirectory1791000003000 } from './1791000003000-project-directory.js';
import { Applications1791000003001 } from './1791000003001-applications.js';
import { Ledger1791000005001 } from './1791000005001-ledger.js';
import { DecisionsAndGrants1791000007000 } from './1791000007000-decisions-and-grants.js';
import { Appraisal1791000008000 } from './1791000008000-appraisal.js';
import { Tranches1791000009000 } from './1791000009000-tranches.js';
import { Coinvestment1791000011000 } from './1791000011000-coinvestment.js';
import { CoinvestmentLeads1791000012000 } from './1791000012000-coinvestment-leads.js';

/** Every migration of the funding database, oldest first. */
export const fundingMigrations = [
  ...MESSAGING_MIGRATIONS,
  ProgrammeRules1791000001000,
  ProgrammeRulesSeed1791000001001,
  ProgrammeRuleIds1791000001002,
  FundsAndCalls1791000002000,
  FundRuleVersionReferences1791000002001,
  ProjectDirectory1791000003000,
  Applications1791000003001,
  IdempotencyRecords1791000005000,
  Ledger1791000005001,
  DecisionsAndGrants1791000007000,
  Appraisal1791000008000,
  Tranches1791000009000,
  Coinvestment1791000011000,
  CoinvestmentLeads1791000012000,
];
