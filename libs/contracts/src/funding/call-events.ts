import {
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { defineEvent } from '../define-event.js';
import { MONEY_PATTERN } from '../projects/project-vocabulary.js';
import { PROVINCE_CODES } from '../projects/provinces.js';
import { TOPICS } from '../topics.js';
import {
  ALLOCATION_RULES,
  type AllocationRule,
  CALL_STATUSES,
  type CallStatus,
  SUPPORT_CATEGORIES,
  type SupportCategory,
} from './funding-vocabulary.js';

// Events of funding calls on `funding.events`, keyed by call id. The envelope says who acted (actor) and when
// (occurredAt). Money is whole đồng as an integer string. Changing a payload incompatibly means a new contract
// with the next version, never an edit of these.

const AGGREGATE = 'funding_call';

/** What every call event says: which call, of which fund, and its version after the change. */
export class CallEventPayload {
  @IsUUID()
  callId!: string;

  @IsUUID()
  fundId!: string;

  @IsInt()
  @Min(1)
  version!: number;
}

/** An officer opened a call: applications are accepted from `opensAt` until `closesAt`. */
export class CallOpenedPayload extends CallEventPayload {
  @IsInt()
  @Min(2000)
  @Max(2100)
  fiscalYear!: number;

  @IsString()
  @MaxLength(200)
  title!: string;

  @Matches(MONEY_PATTERN)
  budget!: string;

  @Matches(MONEY_PATTERN)
  committed!: string;

  @IsArray()
  @ArrayUnique()
  @IsIn(SUPPORT_CATEGORIES, { each: true })
  supportCategories!: SupportCategory[];

  /** Provinces whose applicants may apply; empty: any. */
  @IsArray()
  @ArrayUnique()
  @IsIn(PROVINCE_CODES, { each: true })
  eligibleProvinceCodes!: string[];

  @IsIn(ALLOCATION_RULES)
  allocationRule!: AllocationRule;

  @IsISO8601({ strict: true })
  opensAt!: string;

  @IsISO8601({ strict: true })
  closesAt!: string;

  @IsISO8601({ strict: true })
  openedAt!: string;
}

export const CallOpened = defineEvent({
  topic: TOPICS.funding.name,
  type: 'funding.call.opened',
  version: 1,
  aggregateType: AGGREGATE,
  payload: CallOpenedPayload,
});

/** An officer closed a call: no more applications; its budget and what was committed at that moment. */
export class CallClosedPayload extends CallEventPayload {
  @Matches(MONEY_PATTERN)
  budget!: string;

  @Matches(MONEY_PATTERN)
  committed!: string;

  @IsISO8601({ strict: true })
  closedAt!: string;
}

export const CallClosed = defineEvent({
  topic: TOPICS.funding.name,
  type: 'funding.call.closed',
  version: 1,
  aggregateType: AGGREGATE,
  payload: CallClosedPayload,
});

/** A call's budget was raised or lowered (never below what was committed), with the reason given. */
export class CallBudgetChangedPayload extends CallEventPayload {
  @IsIn(CALL_STATUSES)
  status!: CallStatus;

  @Matches(MONEY_PATTERN)
  oldBudget!: string;

  @Matches(MONEY_PATTERN)
  newBudget!: string;

  @Matches(MONEY_PATTERN)
  committed!: string;

  @IsString()
  @MaxLength(1000)
  reason!: string;
}

export const CallBudgetChanged = defineEvent({
  topic: TOPICS.funding.name,
  type: 'funding.call.budget_changed',
  version: 1,
  aggregateType: AGGREGATE,
  payload: CallBudgetChangedPayload,
});

/** Every event of funding calls. */
export const CALL_EVENTS = [CallOpened, CallClosed, CallBudgetChanged] as const;
