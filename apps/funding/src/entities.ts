import { MESSAGING_ENTITIES } from '@khoinghiep/messaging';
import { FundingCall } from './calls/funding-call.entity.js';
import { FundingCallHistoryEntry } from './calls/funding-call-history-entry.entity.js';
import { Fund } from './funds/fund.entity.js';
import { FundHistoryEntry } from './funds/fund-history-entry.entity.js';
import { RuleVersion } from './rules/rule-version.entity.js';

/** Every entity of the funding database (the outbox and inbox of the messaging library included). */
export const fundingEntities = [
  ...MESSAGING_ENTITIES,
  Fund,
  FundHistoryEntry,
  FundingCall,
  FundingCallHistoryEntry,
  RuleVersion,
];
