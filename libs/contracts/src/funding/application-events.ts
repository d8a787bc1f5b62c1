import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { defineEvent } from '../define-event.js';
import { MONEY_PATTERN } from '../projects/project-vocabulary.js';
import { PROVINCE_CODES } from '../projects/provinces.js';
import { TOPICS } from '../topics.js';
import {
  APPLICANT_KINDS,
  APPLICATION_KINDS,
  type ApplicantKind,
  type ApplicationKind,
  PRIORITY_GROUPS,
  type PriorityGroup,
  SUPPORT_CATEGORIES,
  type SupportCategory,
} from './funding-vocabulary.js';

// Events of applications (đề án) on `funding.events`, keyed by application id. The envelope says who acted and
// when. Changing a payload incompatibly means a new contract with the next version, never an edit of these.

const AGGREGATE = 'application';
const Nullable = () => ValidateIf((_object: unknown, value: unknown) => value !== null);

/** What every application event says: which application, to which call, for which project, whose, its version. */
export class ApplicationEventPayload {
  @IsUUID()
  applicationId!: string;

  @IsUUID()
  callId!: string;

  @IsUUID()
  projectId!: string;

  @IsUUID()
  applicantId!: string;

  @IsInt()
  @Min(1)
  version!: number;
}

/** A founder submitted an application; eligibility was checked in the same transaction (see eligibility_checked). */
export class ApplicationSubmittedPayload extends ApplicationEventPayload {
  @IsIn(APPLICATION_KINDS)
  kind!: ApplicationKind;

  @IsIn(APPLICANT_KINDS)
  applicantKind!: ApplicantKind;

  @IsIn(PROVINCE_CODES)
  provinceCode!: string;

  @IsArray()
  @ArrayUnique()
  @IsIn(PRIORITY_GROUPS, { each: true })
  priorityGroups!: PriorityGroup[];

  /** Whole đồng, integer strings. */
  @Matches(MONEY_PATTERN)
  totalCost!: string;

  @Matches(MONEY_PATTERN)
  totalRequested!: string;

  @Matches(MONEY_PATTERN)
  totalOwnContribution!: string;

  @Matches(MONEY_PATTERN)
  centralBudget!: string;

  @Matches(MONEY_PATTERN)
  provincialBudget!: string;

  /** Support categories of the budget lines, each once. */
  @IsArray()
  @ArrayUnique()
  @IsIn(SUPPORT_CATEGORIES, { each: true })
  categories!: SupportCategory[];

  @IsBoolean()
  eligible!: boolean;

  @IsISO8601({ strict: true })
  submittedAt!: string;
}

export const ApplicationSubmitted = defineEvent({
  topic: TOPICS.funding.name,
  type: 'funding.application.submitted',
  version: 1,
  aggregateType: AGGREGATE,
  payload: ApplicationSubmittedPayload,
});

/** A founder withdrew an application (a draft or a submitted one). */
export class ApplicationWithdrawnPayload extends ApplicationEventPayload {
  @IsIn(['draft', 'submitted'])
  previousStatus!: 'draft' | 'submitted';

  @Nullable()
  @IsString()
  @MaxLength(1000)
  reason!: string | null;

  @IsISO8601({ strict: true })
  withdrawnAt!: string;
}

export const ApplicationWithdrawn = defineEvent({
  topic: TOPICS.funding.name,
  type: 'funding.application.withdrawn',
  version: 1,
  aggregateType: AGGREGATE,
  payload: ApplicationWithdrawnPayload,
});

/** Eligibility was checked (at submission), rule by rule. An ineligible application can never be approved. */
export class ApplicationEligibilityCheckedPayload extends ApplicationEventPayload {
  @IsBoolean()
  eligible!: boolean;

  // The outcomes, rule by rule, as index-aligned lists (flat fields keep the contract checkable by the
  // compatibility tests): rules[i] in version ruleVersions[i] passed[i], because reasonsVi[i] / reasonsEn[i].
  @IsArray()
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  rules!: string[];

  @IsArray()
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  ruleVersions!: string[];

  @IsArray()
  @IsBoolean({ each: true })
  passed!: boolean[];

  @IsArray()
  @IsString({ each: true })
  @MaxLength(1000, { each: true })
  reasonsVi!: string[];

  @IsArray()
  @IsString({ each: true })
  @MaxLength(1000, { each: true })
  reasonsEn!: string[];

  @IsISO8601({ strict: true })
  checkedAt!: string;
}

export const ApplicationEligibilityChecked = defineEvent({
  topic: TOPICS.funding.name,
  type: 'funding.application.eligibility_checked',
  version: 1,
  aggregateType: AGGREGATE,
  payload: ApplicationEligibilityCheckedPayload,
});

/** Every application event. */
export const APPLICATION_EVENTS = [
  ApplicationSubmitted,
  ApplicationWithdrawn,
  ApplicationEligibilityChecked,
] as const;
