import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { defineEvent } from '../define-event.js';
import { Nullable } from '../http/doc.js';
import {
  MONEY_PATTERN,
  PROJECT_SECTORS,
  PROJECT_STAGES,
  type ProjectSector,
  type ProjectStage,
  TARGET_GROUPS,
  type TargetGroup,
} from '../projects/project-vocabulary.js';
import { PROVINCE_CODES } from '../projects/provinces.js';
import { TOPICS } from '../topics.js';
import { INVESTOR_KINDS, type InvestorKind, MATCHING_TEXT_LIMITS } from './matching-vocabulary.js';

// Events of an investor profile on `matching.events`, keyed by the investor's id. They carry the public facts of
// the profile as they are after the change (what a public card shows and what matching filters and scores on),
// never contact data: contacts travel only in an introduction.

const AGGREGATE = 'investor_profile';

/** The public facts of an investor profile after the change, and its version. */
export class InvestorProfileFactsPayload {
  /** The investor's account id, also the profile's id. */
  @IsUUID()
  investorId!: string;

  /** The profile's version after the change. */
  @IsInt()
  @Min(1)
  version!: number;

  @IsIn(INVESTOR_KINDS)
  kind!: InvestorKind;

  @IsString()
  @MinLength(MATCHING_TEXT_LIMITS.displayName.min)
  @MaxLength(MATCHING_TEXT_LIMITS.displayName.max)
  displayName!: string;

  @Nullable()
  @IsString()
  @MaxLength(MATCHING_TEXT_LIMITS.organisation.max)
  organisation!: string | null;

  /** Sectors looked for; empty: any. */
  @IsArray()
  @ArrayUnique()
  @IsIn(PROJECT_SECTORS, { each: true })
  sectors!: ProjectSector[];

  /** Sectors never wanted (a hard filter). */
  @IsArray()
  @ArrayUnique()
  @IsIn(PROJECT_SECTORS, { each: true })
  excludedSectors!: ProjectSector[];

  /** Stages looked for; empty: any. */
  @IsArray()
  @ArrayUnique()
  @IsIn(PROJECT_STAGES, { each: true })
  stages!: ProjectStage[];

  /** Whole đồng as an integer string; ticketMin ≤ ticketMax. */
  @Matches(MONEY_PATTERN)
  ticketMin!: string;

  @Matches(MONEY_PATTERN)
  ticketMax!: string;

  /** Provinces preferred; empty: nationwide. */
  @IsArray()
  @ArrayUnique()
  @IsIn(PROVINCE_CODES, { each: true })
  provinceCodes!: string[];

  /** True when only projects in `provinceCodes` may match. */
  @IsBoolean()
  provincesOnly!: boolean;

  @IsArray()
  @ArrayUnique()
  @IsIn(TARGET_GROUPS, { each: true })
  targetGroups!: TargetGroup[];

  /** Willing to co-invest beside a state fund (Decree 38/2018). */
  @IsBoolean()
  coinvestWithState!: boolean;
}

/** A profile entered matching: published for the first time, or published again after being withdrawn. */
export class InvestorProfilePublishedPayload extends InvestorProfileFactsPayload {}

export const InvestorProfilePublished = defineEvent({
  topic: TOPICS.matching.name,
  type: 'matching.investor_profile.published',
  version: 1,
  aggregateType: AGGREGATE,
  payload: InvestorProfilePublishedPayload,
});

/** A published profile changed (and stays published). */
export class InvestorProfileUpdatedPayload extends InvestorProfileFactsPayload {}

export const InvestorProfileUpdated = defineEvent({
  topic: TOPICS.matching.name,
  type: 'matching.investor_profile.updated',
  version: 1,
  aggregateType: AGGREGATE,
  payload: InvestorProfileUpdatedPayload,
});

/** A published profile was taken out of matching and of the public cards; the facts are those it was left with. */
export class InvestorProfileWithdrawnPayload extends InvestorProfileFactsPayload {}

export const InvestorProfileWithdrawn = defineEvent({
  topic: TOPICS.matching.name,
  type: 'matching.investor_profile.withdrawn',
  version: 1,
  aggregateType: AGGREGATE,
  payload: InvestorProfileWithdrawnPayload,
});
