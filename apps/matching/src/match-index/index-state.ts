import { Clock } from '@khoinghiep/clock';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { MatchWeights } from '../scoring/match-inputs.js';
import { compareMatches, MATCH_LIST_SIZE } from '../scoring/ranking.js';
import { MatchWeightsVersion } from '../weights/match-weights-version.entity.js';
import { matchWeightsOf } from '../weights/weights-in-force.js';
import { type CachedInvestor, InvestorCache } from './investor-cache.js';
import { MatchLists } from './match-lists.js';

/** The weights the index builds lists with (`match_index_state`). */
export interface WeightsInUse {
  readonly versionId: string;
  readonly weights: MatchWeights;
}

/**
 * Whether a match ranks within a list whose last entry (its floor) is `floorScore`/`floorId`: before it, or the same
 * entry (a pair already in the list, rescored at least as high). No floor: the list is empty.
 */
export const withinFloor = (id: string, score: number, floorScore: number | null, floorId: string | null) =>
  floorScore === null || compareMatches({ id, score }, { id: floorId ?? '', score: floorScore }) <= 0;

/**
 * What every part of the match index shares in a process: the list size, both sides' list SQL, the cache of
 * investors in matching, the weights version in use (read from `match_index_state`, its points read once: versions
 * are append-only), and the clock.
 */
@Injectable()
export class IndexState {
  readonly listSize = MATCH_LIST_SIZE;
  readonly investors = new InvestorCache();
  readonly investorLists = new MatchLists('investor', this.listSize);
  readonly projectLists = new MatchLists('project', this.listSize);
  private readonly weightsById = new Map<string, MatchWeights>();

  constructor(private readonly clock: Clock) {}

  now(): Date {
    return this.clock.now();
  }

  async weightsInUse(manager: EntityManager): Promise<WeightsInUse> {
    const [state]: { weights_version_id: string }[] = await manager.query(
      'SELECT weights_version_id FROM match_index_state WHERE id = 1',
    );
    if (!state) throw new Error('match_index_state has no row: the match index migration seeds it');
    return this.weightsOf(manager, state.weights_version_id);
  }

  /** The weights in use and every investor in matching, caught up, in one read: what scoring a project needs. */
  async forScoring(manager: EntityManager): Promise<WeightsInUse & { investors: readonly CachedInvestor[] }> {
    const { weightsVersionId, investors } = await this.investors.catchUp(manager);
    return { ...(await this.weightsOf(manager, weightsVersionId)), investors };
  }

  private async weightsOf(manager: EntityManager, versionId: string): Promise<WeightsInUse> {
    let weights = this.weightsById.get(versionId);
    if (!weights) {
      weights = matchWeightsOf(await manager.findOneByOrFail(MatchWeightsVersion, { id: versionId }));
      this.weightsById.set(versionId, weights);
    }
    return { versionId, weights };
  }
}
