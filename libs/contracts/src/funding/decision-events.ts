import { ArrayMaxSize, IsArray, IsISO8601, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { defineEvent } from '../define-event.js';
import { MONEY_PATTERN } from '../projects/project-vocabulary.js';
import { TOPICS } from '../topics.js';

// Events of decisions on `funding.events`: approvals and rejections keyed by application id, budget exhaustion keyed
// by call id. Money is whole đồng as an integer string. Changing a payload incompatibly means a new version.

/** What every decision event says: which application, of which call and project, and the decision. */
export class DecisionEventPayload {
  @IsUUID()
  applicationId!: string;

  @IsUUID()
  callId!: string;

  @IsUUID()
  projectId!: string;

  @IsUUID()
  applicantId!: string;

  @IsUUID()
  decisionId!: string;

  @Matches(MONEY_PATTERN)
  requestedAmount!: string;

  @IsUUID()
  decidedBy!: string;

  @IsISO8601({ strict: true })
  decidedAt!: string;
}

/** An approver approved an application: a grant for `approvedAmount` was created and committed from the call. */
export class ApplicationApprovedPayload extends DecisionEventPayload {
  @IsUUID()
  grantId!: string;

  @Matches(MONEY_PATTERN)
  approvedAmount!: string;

  /** The ceiling rule versions applied on the decision date. */
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  ruleVersionIds!: string[];

  /** The call's committed sum and what is left of its budget, after this approval. */
  @Matches(MONEY_PATTERN)
  callCommitted!: string;

  @Matches(MONEY_PATTERN)
  callRemaining!: string;
}

export const ApplicationApproved = defineEvent({
  topic: TOPICS.funding.name,
  type: 'funding.application.approved',
  version: 1,
  aggregateType: 'application',
  payload: ApplicationApprovedPayload,
});

/** An approver rejected an application, with the reason given. */
export class ApplicationRejectedPayload extends DecisionEventPayload {
  @IsString()
  @MaxLength(2000)
  reason!: string;
}

export const ApplicationRejected = defineEvent({
  topic: TOPICS.funding.name,
  type: 'funding.application.rejected',
  version: 1,
  aggregateType: 'application',
  payload: ApplicationRejectedPayload,
});

/** The last of a call's budget was committed: nothing is left to approve. */
export class CallBudgetExhaustedPayload {
  @IsUUID()
  callId!: string;

  @IsUUID()
  fundId!: string;

  @Matches(MONEY_PATTERN)
  budget!: string;

  @Matches(MONEY_PATTERN)
  committed!: string;

  /** The approval that took the last of it. */
  @IsUUID()
  applicationId!: string;

  @IsISO8601({ strict: true })
  exhaustedAt!: string;
}

export const CallBudgetExhausted = defineEvent({
  topic: TOPICS.funding.name,
  type: 'funding.call.budget_exhausted',
  version: 1,
  aggregateType: 'funding_call',
  payload: CallBudgetExhaustedPayload,
});
