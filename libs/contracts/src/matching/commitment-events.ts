import { IsBoolean, IsIn, IsISO8601, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { defineEvent } from '../define-event.js';
import { MONEY_PATTERN } from '../projects/project-vocabulary.js';
import { TOPICS } from '../topics.js';
import { INVESTOR_KINDS, type InvestorKind, MATCHING_TEXT_LIMITS } from './matching-vocabulary.js';

/**
 * An investor recorded a commitment (or an investment made) in a project after an introduction. Funding reads it to
 * open a state co-investment proposal when the investor is willing (Decree 38/2018), so it carries everything that
 * needs: who, what kind of investor, how much, and on which day. Keyed by the introduction.
 */
export class CommitmentRecordedPayload {
  @IsUUID()
  introductionId!: string;

  @IsUUID()
  projectId!: string;

  @IsUUID()
  projectOwnerId!: string;

  @IsUUID()
  investorId!: string;

  @IsIn(INVESTOR_KINDS)
  investorKind!: InvestorKind;

  /** Display name, with the organisation when there is one. */
  @IsString()
  @MaxLength(MATCHING_TEXT_LIMITS.displayName.max + MATCHING_TEXT_LIMITS.organisation.max + 3)
  investorName!: string;

  /** Willing to co-invest beside a state fund, as the profile said when the commitment was recorded. */
  @IsBoolean()
  coinvestWithState!: boolean;

  /** Whole đồng committed by this investor (the total of this introduction so far). */
  @Matches(MONEY_PATTERN)
  amount!: string;

  /** `committed` or `invested`. */
  @IsIn(['committed', 'invested'])
  stage!: 'committed' | 'invested';

  @IsISO8601({ strict: true })
  recordedAt!: string;
}

export const CommitmentRecorded = defineEvent({
  topic: TOPICS.matching.name,
  type: 'matching.commitment.recorded',
  version: 1,
  aggregateType: 'introduction',
  payload: CommitmentRecordedPayload,
});
