import { IsIn, IsInt, IsISO8601, IsString, IsUUID, Matches, Min, ValidateIf } from 'class-validator';
import { defineEvent } from '../define-event.js';
import { TOPICS } from '../topics.js';

// Events of the appraisal (thẩm định) of an application on `funding.events`, keyed by application id (so they
// stay in order with the application's own events). The envelope says who acted and when. Changing a payload
// incompatibly means a new contract with the next version, never an edit of these.

const AGGREGATE = 'application';
const Nullable = () => ValidateIf((_object: unknown, value: unknown) => value !== null);
/** A weighted mean exact to the hundredth, as a decimal string: `"7.90"`. */
const WEIGHTED_MEAN_PATTERN = /^(0|[1-9][0-9]{0,2})\.[0-9]{2}$/;
/** A score statistic: two decimals (exact) or four (a mean or deviation of several): `"7.90"`, `"0.8944"`. */
const DECIMAL_PATTERN = /^(0|[1-9][0-9]{0,2})\.[0-9]{2}([0-9]{2})?$/;

/** Which application's appraisal, in which call. */
export class AppraisalEventPayload {
  @IsUUID()
  applicationId!: string;

  @IsUUID()
  callId!: string;
}

/**
 * The panel's weighted means together, as the approver sees them, as decimal strings (a weighted mean, min and max
 * exact to the hundredth; the mean and standard deviation of several to four decimals); null before anyone scored.
 */
export class AppraisalSummaryPayload extends AppraisalEventPayload {
  @IsInt()
  @Min(0)
  assigned!: number;

  @IsInt()
  @Min(0)
  scored!: number;

  @IsInt()
  @Min(0)
  recused!: number;

  @Nullable()
  @Matches(DECIMAL_PATTERN)
  mean!: string | null;

  @Nullable()
  @Matches(DECIMAL_PATTERN)
  min!: string | null;

  @Nullable()
  @Matches(DECIMAL_PATTERN)
  max!: string | null;

  @Nullable()
  @Matches(DECIMAL_PATTERN)
  standardDeviation!: string | null;
}

export class AppraiserAssignedPayload extends AppraisalEventPayload {
  @IsUUID()
  appraiserId!: string;

  @IsISO8601({ strict: true })
  assignedAt!: string;
}

/** A fund officer assigned an appraiser to the application (the applicant never is one). */
export const AppraiserAssigned = defineEvent({
  topic: TOPICS.funding.name,
  type: 'funding.application.appraiser_assigned',
  version: 1,
  aggregateType: AGGREGATE,
  payload: AppraiserAssignedPayload,
});

export class AppraiserDeclaredPayload extends AppraisalEventPayload {
  @IsUUID()
  appraiserId!: string;

  @IsIn(['no_conflict', 'recused'])
  declaration!: 'no_conflict' | 'recused';

  /** Why they recused; null with no conflict. */
  @Nullable()
  @IsString()
  reason!: string | null;

  @IsISO8601({ strict: true })
  declaredAt!: string;
}

/** An appraiser declared no conflict of interest (and may now score), or recused with a reason. */
export const AppraiserDeclared = defineEvent({
  topic: TOPICS.funding.name,
  type: 'funding.application.appraiser_declared',
  version: 1,
  aggregateType: AGGREGATE,
  payload: AppraiserDeclaredPayload,
});

export class ApplicationAppraisedPayload extends AppraisalSummaryPayload {
  @IsUUID()
  appraiserId!: string;

  /** 1 for their first scores, then one more per revision. */
  @IsInt()
  @Min(1)
  revision!: number;

  /** This appraiser's weighted mean, exact: Σ score × weight / 100. */
  @Matches(WEIGHTED_MEAN_PATTERN)
  weightedMean!: string;

  @IsISO8601({ strict: true })
  appraisedAt!: string;
}

/** An appraiser submitted (or revised) their scores: their weighted mean and the panel's summary after it. */
export const ApplicationAppraised = defineEvent({
  topic: TOPICS.funding.name,
  type: 'funding.application.appraised',
  version: 1,
  aggregateType: AGGREGATE,
  payload: ApplicationAppraisedPayload,
});

export class AppraisalClosedPayload extends AppraisalSummaryPayload {
  @Nullable()
  @IsString()
  reason!: string | null;

  @IsISO8601({ strict: true })
  closedAt!: string;
}

/** A fund officer closed the appraisal: its summary is final. */
export const AppraisalClosed = defineEvent({
  topic: TOPICS.funding.name,
  type: 'funding.application.appraisal_closed',
  version: 1,
  aggregateType: AGGREGATE,
  payload: AppraisalClosedPayload,
});

export const APPRAISAL_EVENTS = [
  AppraiserAssigned,
  AppraiserDeclared,
  ApplicationAppraised,
  AppraisalClosed,
] as const;
