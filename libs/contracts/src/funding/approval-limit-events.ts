import { IsISO8601, IsUUID, Matches } from 'class-validator';
import { defineEvent } from '../define-event.js';
import { MONEY_PATTERN } from '../projects/project-vocabulary.js';
import { TOPICS } from '../topics.js';

/** An admin set a fund approver's approval limit (keyed by approver id). */
export class ApprovalLimitSetPayload {
  @IsUUID()
  approvalLimitId!: string;

  @IsUUID()
  approverId!: string;

  @Matches(MONEY_PATTERN)
  limit!: string;

  @IsUUID()
  setBy!: string;

  @IsISO8601({ strict: true })
  setAt!: string;
}

export const ApprovalLimitSet = defineEvent({
  topic: TOPICS.funding.name,
  type: 'funding.approval_limit.set',
  version: 1,
  aggregateType: 'approval_limit',
  payload: ApprovalLimitSetPayload,
});
