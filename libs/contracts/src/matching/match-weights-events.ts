import { IsISO8601, IsString, IsUUID, MaxLength, ValidateBy, type ValidationOptions } from 'class-validator';
import { defineEvent } from '../define-event.js';
import { TOPICS } from '../topics.js';
import { MATCH_CRITERIA, MATCHING_TEXT_LIMITS, type MatchCriterion } from './matching-vocabulary.js';

/** The points of a weights version always add up to this: a match scores 0..100. */
export const MATCH_WEIGHTS_TOTAL = 100;

/** An object with exactly `keys`, each a whole number ≥ 0, adding up to `total`. */
export function isPointsRecord(value: unknown, keys: readonly string[], total: number): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  if (Object.keys(record).length !== keys.length) return false;
  let sum = 0;
  for (const key of keys) {
    const points = record[key];
    if (typeof points !== 'number' || !Number.isInteger(points) || points < 0) return false;
    sum += points;
  }
  return sum === total;
}

/**
 * The rule of `isPointsRecord`. Its keys and total are the rule's arguments, so the contract snapshot records them:
 * a criterion added or removed is a breaking change that needs a new version of the event.
 */
export function IsPointsRecord(
  keys: readonly string[],
  total: number,
  options?: ValidationOptions,
): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isPointsRecord',
      constraints: [keys, total],
      validator: {
        validate: (value) => isPointsRecord(value, keys, total),
        defaultMessage: () =>
          `$property must give each of ${keys.join(', ')} whole points ≥ 0, ${total} in all`,
      },
    },
    options,
  );
}

/**
 * An admin recorded a new version of the match weights (append-only reference data). It is in force from
 * `effectiveFrom` (the start of a day in Vietnam) until a version with a later `effectiveFrom` is; from then on the
 * stored best matches scored with an older version are rescored. Keyed by the constant `match_weights`, so every
 * version travels in order on one partition.
 */
export class MatchWeightsRecordedPayload {
  @IsUUID()
  versionId!: string;

  /** The most points each criterion gives, e.g. `{ "sector": 25, "stage": 15, … }`. */
  @IsPointsRecord(MATCH_CRITERIA, MATCH_WEIGHTS_TOTAL)
  points!: Record<MatchCriterion, number>;

  /** The instant it comes into force: 00:00 in Vietnam (UTC+7) of the day the admin chose. */
  @IsISO8601({ strict: true })
  effectiveFrom!: string;

  @IsString()
  @MaxLength(MATCHING_TEXT_LIMITS.reason.max)
  reason!: string;

  @IsISO8601({ strict: true })
  recordedAt!: string;
}

/** The aggregate id of every `MatchWeightsRecorded` event (the Kafka key). */
export const MATCH_WEIGHTS_AGGREGATE_ID = 'match_weights';

export const MatchWeightsRecorded = defineEvent({
  topic: TOPICS.matching.name,
  type: 'matching.match_weights.recorded',
  version: 1,
  aggregateType: 'match_weights',
  payload: MatchWeightsRecordedPayload,
});
