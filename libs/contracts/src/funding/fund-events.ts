import { IsArray, IsIn, IsInt, IsString, IsUUID, Matches, MaxLength, Min, ValidateIf } from 'class-validator';
import { defineEvent } from '../define-event.js';
import { MONEY_PATTERN } from '../projects/project-vocabulary.js';
import { PROVINCE_CODES } from '../projects/provinces.js';
import { TOPICS } from '../topics.js';
import { FUND_KINDS, type FundKind } from './funding-vocabulary.js';

// Events of funds on `funding.events`, keyed by fund id. Money is whole đồng as an integer string. Changing a
// payload incompatibly means a new contract with the next version, never an edit of these.

const Nullable = () => ValidateIf((_object: unknown, value: unknown) => value !== null);
const AGGREGATE = 'fund';

/** A fund as it stands after a change: kind, province, capital by source and the capital rule it was checked by. */
export class FundEventPayload {
  @IsUUID()
  fundId!: string;

  @IsInt()
  @Min(1)
  version!: number;

  @IsIn(FUND_KINDS)
  kind!: FundKind;

  @IsString()
  @MaxLength(200)
  name!: string;

  @IsString()
  @MaxLength(200)
  ownerAgency!: string;

  @Nullable()
  @IsIn(PROVINCE_CODES)
  provinceCode!: string | null;

  @Matches(MONEY_PATTERN)
  capitalCentralBudget!: string;

  @Matches(MONEY_PATTERN)
  capitalProvincialBudget!: string;

  @Matches(MONEY_PATTERN)
  capitalPrivate!: string;

  @Matches(MONEY_PATTERN)
  capitalAssociation!: string;

  /** The capital-share rule version the fund was checked against, or null when none applied. */
  @Nullable()
  @IsUUID()
  capitalRuleVersionId!: string | null;
}

export class FundCreatedPayload extends FundEventPayload {}

export const FundCreated = defineEvent({
  topic: TOPICS.funding.name,
  type: 'funding.fund.created',
  version: 1,
  aggregateType: AGGREGATE,
  payload: FundCreatedPayload,
});

/** A fund was edited: what it is now, and which fields changed. */
export class FundUpdatedPayload extends FundEventPayload {
  @IsArray()
  @IsString({ each: true })
  changedFields!: string[];
}

export const FundUpdated = defineEvent({
  topic: TOPICS.funding.name,
  type: 'funding.fund.updated',
  version: 1,
  aggregateType: AGGREGATE,
  payload: FundUpdatedPayload,
});

/** Every event of funds. */
export const FUND_EVENTS = [FundCreated, FundUpdated] as const;
