import { INTEREST_STATUSES, MATCHING_TEXT_LIMITS, PIPELINE_STATUSES } from '@khoinghiep/contracts';
import { oneOf } from '../sql-checks.js';

/** The CHECK expressions of interests and introductions, shared by their entities and their migration. */
export const INTEREST_CHECKS = {
  status: oneOf('status', INTEREST_STATUSES),
  message: `char_length("message") BETWEEN ${MATCHING_TEXT_LIMITS.message.min} AND ${MATCHING_TEXT_LIMITS.message.max}`,
  closed: `("status" = 'open') = ("closed_at" IS NULL)`,
  declineReason: `"status" = 'declined' OR "decline_reason" IS NULL`,
  introduction: `("status" = 'accepted') = ("introduction_id" IS NOT NULL)`,
  dailyCount: '"expressed" >= 1',
} as const;

/** An amount exactly for the statuses that carry one, and above zero. */
const amountFor = (status: string, amount: string) =>
  `CASE WHEN "${status}" IN ('committed', 'invested') THEN "${amount}" IS NOT NULL AND "${amount}" > 0 ELSE "${amount}" IS NULL END`;

export const INTRODUCTION_CHECKS = {
  pipelineStatus: oneOf('pipeline_status', PIPELINE_STATUSES),
  pipelineAmount: amountFor('pipeline_status', 'pipeline_amount'),
  entryStatus: oneOf('status', PIPELINE_STATUSES),
  entryAmount: amountFor('status', 'amount'),
} as const;
