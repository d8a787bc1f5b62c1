import {
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { defineEvent } from '../define-event.js';
import { MONEY_PATTERN } from '../projects/project-vocabulary.js';
import { TOPICS } from '../topics.js';
import { MATCHING_TEXT_LIMITS, PIPELINE_STATUSES, type PipelineStatus } from './matching-vocabulary.js';

// Events of interest → consent → introduction on `matching.events`. Interest events are keyed by interest id,
// introduction and pipeline events by introduction id. No event ever carries contact data: contacts are shared only
// by reading an introduction, by its two parties. Changing a payload incompatibly means a new version.

/** Who and what an interest is about: enough for a notification to name both sides without asking matching. */
export class InterestEventPayload {
  @IsUUID()
  interestId!: string;

  @IsUUID()
  projectId!: string;

  /** The founder who owns the project and answers the interest. */
  @IsUUID()
  projectOwnerId!: string;

  @IsString()
  @MaxLength(200)
  projectTitle!: string;

  @IsUUID()
  investorId!: string;

  /** Display name, with the organisation when there is one. */
  @IsString()
  @MaxLength(MATCHING_TEXT_LIMITS.displayName.max + MATCHING_TEXT_LIMITS.organisation.max + 3)
  investorName!: string;
}

/** An investor expressed interest in a published project, with a message to its founder. */
export class InterestExpressedPayload extends InterestEventPayload {
  @IsString()
  @MinLength(MATCHING_TEXT_LIMITS.message.min)
  @MaxLength(MATCHING_TEXT_LIMITS.message.max)
  message!: string;

  @IsISO8601({ strict: true })
  expressedAt!: string;
}

export const InterestExpressed = defineEvent({
  topic: TOPICS.matching.name,
  type: 'matching.interest.expressed',
  version: 1,
  aggregateType: 'interest',
  payload: InterestExpressedPayload,
});

/** The founder accepted: an introduction was made in the same transaction (see `matching.introduction.made`). */
export class InterestAcceptedPayload extends InterestEventPayload {
  @IsUUID()
  introductionId!: string;

  @IsISO8601({ strict: true })
  acceptedAt!: string;
}

export const InterestAccepted = defineEvent({
  topic: TOPICS.matching.name,
  type: 'matching.interest.accepted',
  version: 1,
  aggregateType: 'interest',
  payload: InterestAcceptedPayload,
});

/** The founder declined, optionally saying why (the investor reads it). */
export class InterestDeclinedPayload extends InterestEventPayload {
  @IsOptional()
  @IsString()
  @MaxLength(MATCHING_TEXT_LIMITS.reason.max)
  reason?: string;

  @IsISO8601({ strict: true })
  declinedAt!: string;
}

export const InterestDeclined = defineEvent({
  topic: TOPICS.matching.name,
  type: 'matching.interest.declined',
  version: 1,
  aggregateType: 'interest',
  payload: InterestDeclinedPayload,
});

/** The investor withdrew an interest the founder had not answered yet. */
export class InterestWithdrawnPayload extends InterestEventPayload {
  @IsISO8601({ strict: true })
  withdrawnAt!: string;
}

export const InterestWithdrawn = defineEvent({
  topic: TOPICS.matching.name,
  type: 'matching.interest.withdrawn',
  version: 1,
  aggregateType: 'interest',
  payload: InterestWithdrawnPayload,
});

/** Which introduction, of which interest, between whom. */
export class IntroductionEventPayload {
  @IsUUID()
  introductionId!: string;

  @IsUUID()
  interestId!: string;

  @IsUUID()
  projectId!: string;

  @IsUUID()
  projectOwnerId!: string;

  @IsUUID()
  investorId!: string;
}

/**
 * The founder accepted an interest, so the two sides may now read each other's shared contact fields through the
 * introduction (never through this event).
 */
export class IntroductionMadePayload extends IntroductionEventPayload {
  @IsString()
  @MaxLength(200)
  projectTitle!: string;

  @IsString()
  @MaxLength(MATCHING_TEXT_LIMITS.displayName.max + MATCHING_TEXT_LIMITS.organisation.max + 3)
  investorName!: string;

  @IsISO8601({ strict: true })
  madeAt!: string;
}

export const IntroductionMade = defineEvent({
  topic: TOPICS.matching.name,
  type: 'matching.introduction.made',
  version: 1,
  aggregateType: 'introduction',
  payload: IntroductionMadePayload,
});

/** The investor recorded where they stand with the project after the introduction. */
export class PipelineStatusRecordedPayload extends IntroductionEventPayload {
  @IsIn(PIPELINE_STATUSES)
  status!: PipelineStatus;

  /** Whole đồng, for `committed` and `invested` only. */
  @IsOptional()
  @Matches(MONEY_PATTERN)
  amount?: string;

  @IsISO8601({ strict: true })
  recordedAt!: string;
}

export const PipelineStatusRecorded = defineEvent({
  topic: TOPICS.matching.name,
  type: 'matching.pipeline_status.recorded',
  version: 1,
  aggregateType: 'introduction',
  payload: PipelineStatusRecordedPayload,
});
