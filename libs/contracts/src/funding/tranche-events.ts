import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { defineEvent } from '../define-event.js';
import { MONEY_PATTERN } from '../projects/project-vocabulary.js';
import { TOPICS } from '../topics.js';
import { TRANCHE_KINDS, type TrancheKind } from './funding-vocabulary.js';

// Events of disbursement on `funding.events`, keyed by grant id (so a grant's steps stay in order on one partition).
// Money is whole đồng as an integer string. Changing a payload incompatibly means a new version.

/** What every tranche event says: which tranche of which grant, its kind and amounts. */
export class TrancheEventPayload {
  @IsUUID()
  trancheId!: string;

  @IsUUID()
  grantId!: string;

  @IsUUID()
  callId!: string;

  @IsUUID()
  beneficiaryId!: string;

  @IsIn(TRANCHE_KINDS)
  kind!: TrancheKind;

  @IsInt()
  @Min(1)
  sequence!: number;

  /** Paid to the grantee. */
  @Matches(MONEY_PATTERN)
  amount!: string;

  /** Returned by the grantee (settlement only). */
  @Matches(MONEY_PATTERN)
  returnAmount!: string;

  @IsUUID()
  actorId!: string;

  @IsISO8601({ strict: true })
  occurredAt!: string;
}

export class TrancheRequestedPayload extends TrancheEventPayload {
  @IsOptional()
  @IsInt()
  advanceRateBp?: number;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  ruleVersionId?: string;
}

export const TrancheRequested = defineEvent({
  topic: TOPICS.funding.name,
  type: 'funding.tranche.requested',
  version: 1,
  aggregateType: 'grant',
  payload: TrancheRequestedPayload,
});

export class TrancheApprovedPayload extends TrancheEventPayload {
  @IsUUID()
  requestedBy!: string;
}

export const TrancheApproved = defineEvent({
  topic: TOPICS.funding.name,
  type: 'funding.tranche.approved',
  version: 1,
  aggregateType: 'grant',
  payload: TrancheApprovedPayload,
});

export class TrancheRejectedPayload extends TrancheEventPayload {
  @IsString()
  @MaxLength(2000)
  reason!: string;
}

export const TrancheRejected = defineEvent({
  topic: TOPICS.funding.name,
  type: 'funding.tranche.rejected',
  version: 1,
  aggregateType: 'grant',
  payload: TrancheRejectedPayload,
});

export class TranchePaidPayload extends TrancheEventPayload {
  @IsString()
  @MaxLength(100)
  paymentReference!: string;

  /** The grant's total paid and returned after this payment. */
  @Matches(MONEY_PATTERN)
  grantDisbursed!: string;

  @Matches(MONEY_PATTERN)
  grantReturned!: string;
}

export const TranchePaid = defineEvent({
  topic: TOPICS.funding.name,
  type: 'funding.tranche.paid',
  version: 1,
  aggregateType: 'grant',
  payload: TranchePaidPayload,
});

/** The acceptance (nghiệm thu) was approved: the accepted cost and the evidence it rests on. */
export class GrantAcceptedPayload {
  @IsUUID()
  grantId!: string;

  @IsUUID()
  callId!: string;

  @IsUUID()
  trancheId!: string;

  @Matches(MONEY_PATTERN)
  acceptedCost!: string;

  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  evidenceSha256!: string[];

  @IsUUID()
  acceptedBy!: string;

  @IsISO8601({ strict: true })
  acceptedAt!: string;
}

export const GrantAccepted = defineEvent({
  topic: TOPICS.funding.name,
  type: 'funding.grant.accepted',
  version: 1,
  aggregateType: 'grant',
  payload: GrantAcceptedPayload,
});

/** The settlement (quyết toán) was paid or its return received: the grant is closed. */
export class GrantSettledPayload {
  @IsUUID()
  grantId!: string;

  @IsUUID()
  callId!: string;

  @IsUUID()
  trancheId!: string;

  @Matches(MONEY_PATTERN)
  approved!: string;

  @Matches(MONEY_PATTERN)
  finalAmount!: string;

  @Matches(MONEY_PATTERN)
  disbursed!: string;

  @Matches(MONEY_PATTERN)
  returned!: string;

  /** What the grant will never use, given back to the call. */
  @Matches(MONEY_PATTERN)
  released!: string;

  @IsISO8601({ strict: true })
  settledAt!: string;
}

export const GrantSettled = defineEvent({
  topic: TOPICS.funding.name,
  type: 'funding.grant.settled',
  version: 1,
  aggregateType: 'grant',
  payload: GrantSettledPayload,
});
