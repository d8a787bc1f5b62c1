import {
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
import {
  COINVESTMENT_LEAD_LIMITS,
  COINVESTMENT_LEAD_STATUSES,
  type CoinvestmentLeadStatus,
} from './coinvestment-lead.dto.js';

// Events of co-investment leads on `funding.events`, keyed by lead id (ADR 0028). Money is whole đồng as an integer
// string. Changing a payload incompatibly means a new version.

/** Where a lead stands: its private total and the cap of the rule in force (absent when none is). */
export class CoinvestmentLeadFiguresPayload {
  @IsUUID()
  leadId!: string;

  @IsUUID()
  projectId!: string;

  @IsUUID()
  projectOwnerId!: string;

  @IsIn(COINVESTMENT_LEAD_STATUSES)
  status!: CoinvestmentLeadStatus;

  /** Each introduction once, at its latest commitment. */
  @Matches(MONEY_PATTERN)
  privateTotal!: string;

  @IsInt()
  @Min(1)
  investorCount!: number;

  /** ⌊ private total × capBp / 10 000 ⌋; absent when no co-investment cap was in force. */
  @IsOptional()
  @Matches(MONEY_PATTERN)
  cap?: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  capBp?: number;

  @IsOptional()
  @IsUUID()
  ruleVersionId?: string;

  @IsISO8601({ strict: true })
  occurredAt!: string;
}

/** Willing private commitments from matching opened a lead for a project that had none live. */
export const CoinvestmentLeadOpened = defineEvent({
  topic: TOPICS.funding.name,
  type: 'funding.coinvestment_lead.opened',
  version: 1,
  aggregateType: 'coinvestment_lead',
  payload: CoinvestmentLeadFiguresPayload,
});

export class CoinvestmentLeadUpdatedPayload extends CoinvestmentLeadFiguresPayload {
  @Matches(MONEY_PATTERN)
  previousPrivateTotal!: string;

  @IsOptional()
  @Matches(MONEY_PATTERN)
  previousCap?: string;
}

/** A later commitment changed a live lead's private total or cap. */
export const CoinvestmentLeadUpdated = defineEvent({
  topic: TOPICS.funding.name,
  type: 'funding.coinvestment_lead.updated',
  version: 1,
  aggregateType: 'coinvestment_lead',
  payload: CoinvestmentLeadUpdatedPayload,
});

export class CoinvestmentLeadTakenPayload {
  @IsUUID()
  leadId!: string;

  @IsUUID()
  projectId!: string;

  @IsUUID()
  takenBy!: string;

  @IsISO8601({ strict: true })
  takenAt!: string;
}

/** A fund officer took the lead on. */
export const CoinvestmentLeadTaken = defineEvent({
  topic: TOPICS.funding.name,
  type: 'funding.coinvestment_lead.taken',
  version: 1,
  aggregateType: 'coinvestment_lead',
  payload: CoinvestmentLeadTakenPayload,
});

export class CoinvestmentLeadClosedPayload {
  @IsUUID()
  leadId!: string;

  @IsUUID()
  projectId!: string;

  @IsUUID()
  closedBy!: string;

  @IsISO8601({ strict: true })
  closedAt!: string;

  /** Why an officer closed it; absent when a proposal closed it. */
  @IsOptional()
  @IsString()
  @MaxLength(COINVESTMENT_LEAD_LIMITS.reason.max)
  reason?: string;

  /** The co-investment proposal opened from it; absent when an officer closed it. */
  @IsOptional()
  @IsUUID()
  applicationId?: string;
}

/** The lead was closed: by the proposal opened from it, or by an officer with a reason. */
export const CoinvestmentLeadClosed = defineEvent({
  topic: TOPICS.funding.name,
  type: 'funding.coinvestment_lead.closed',
  version: 1,
  aggregateType: 'coinvestment_lead',
  payload: CoinvestmentLeadClosedPayload,
});
