import { MATCH_CRITERIA } from '@khoinghiep/contracts';
import type { EntityManager } from 'typeorm';
import type { MatchWeights } from '../scoring/match-inputs.js';
import { MatchWeightsVersion } from './match-weights-version.entity.js';

/** The scorer's form of a stored version (a criterion the version lacks gives no points). */
export function matchWeightsOf(version: MatchWeightsVersion): MatchWeights {
  return {
    versionId: version.id,
    points: Object.fromEntries(
      MATCH_CRITERIA.map((criterion) => [criterion, version.weights[criterion] ?? 0]),
    ) as MatchWeights['points'],
  };
}

/** The match weights version in force at `at`: the latest effective then (the later recorded, on a tie). */
export async function weightsInForce(manager: EntityManager, at: Date): Promise<MatchWeights> {
  const version = await manager
    .createQueryBuilder(MatchWeightsVersion, 'v')
    .where('v.effectiveFrom <= :at', { at })
    .orderBy('v.effectiveFrom', 'DESC')
    .addOrderBy('v.recordedAt', 'DESC')
    .getOneOrFail();
  return matchWeightsOf(version);
}
