import {
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { defineEvent } from '../define-event.js';
import { MONEY_PATTERN } from '../projects/project-vocabulary.js';
import { PROVINCE_CODES } from '../projects/provinces.js';
import { TOPICS } from '../topics.js';
import {
  CAPITAL_SOURCES,
  type CapitalSource,
  FUND_KINDS,
  type FundKind,
  PRIORITY_GROUPS,
  PROGRAMMES,
  type PriorityGroup,
  type Programme,
  SUPPORT_CATEGORIES,
  type SupportCategory,
} from './funding-vocabulary.js';
import {
  BASIS_POINTS_FULL,
  DATE_PATTERN,
  RULE_KINDS,
  RULE_TEXT_LIMITS,
  type RuleKind,
} from './rule-vocabulary.js';

// Events of programme rules on `funding.events`, keyed by the rule id (every version of one rule in order).
// Changing a payload incompatibly means a new contract with the next version, never an edit of this one.

const Nullable = () => ValidateIf((_object: unknown, value: unknown) => value !== null);

/** An admin recorded a new version of a programme rule: what it says, where, from when, on which legal text. */
export class RuleVersionRecordedPayload {
  @IsUUID()
  versionId!: string;

  @IsUUID()
  ruleId!: string;

  @IsIn(RULE_KINDS)
  kind!: RuleKind;

  @IsIn(PROGRAMMES)
  programme!: Programme;

  @Nullable()
  @IsIn(SUPPORT_CATEGORIES)
  category!: SupportCategory | null;

  @Nullable()
  @IsIn(FUND_KINDS)
  fundKind!: FundKind | null;

  @Nullable()
  @IsIn(CAPITAL_SOURCES)
  capitalSource!: CapitalSource | null;

  /** Null: national. */
  @Nullable()
  @IsIn(PROVINCE_CODES)
  provinceCode!: string | null;

  /** Whole đồng as an integer string. */
  @Nullable()
  @Matches(MONEY_PATTERN)
  amountCap!: string | null;

  @Nullable()
  @IsInt()
  @Min(0)
  @Max(BASIS_POINTS_FULL)
  basisPoints!: number | null;

  @Nullable()
  @IsArray()
  @ArrayUnique()
  @IsIn(PRIORITY_GROUPS, { each: true })
  priorityGroups!: PriorityGroup[] | null;

  @Matches(DATE_PATTERN)
  effectiveFrom!: string;

  @Nullable()
  @Matches(DATE_PATTERN)
  effectiveUntil!: string | null;

  @IsString()
  @MaxLength(RULE_TEXT_LIMITS.legalSourceNumber)
  legalSourceNumber!: string;
}

export const RuleVersionRecorded = defineEvent({
  topic: TOPICS.funding.name,
  type: 'funding.rule.version_recorded',
  version: 1,
  aggregateType: 'programme_rule',
  payload: RuleVersionRecordedPayload,
});
