import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { prepareProject } from '../scoring/prepared.js';
import { TopK } from '../scoring/ranking.js';
import { scoreMatch } from '../scoring/score-match.js';
import { lockIndex, MATCH_INDEX_LOCK } from './index-lock.js';
import { IndexState, withinFloor } from './index-state.js';
import { floorOf, type ListFloor, type ListFloorRow } from './investor-cache.js';
import type { Offer } from './match-lists.js';
import { dropRefills, enqueueRefills } from './refill-queue.js';
import { type ProjectFactsRow, projectFactsOf } from './scoring-rows.js';

/** Where a project stands in the catalogue before an event about it is applied. */
export interface CatalogueStanding {
  readonly published: boolean;
  readonly lastVersion: number;
}

/**
 * The match index's side of a project's publication and removal (ADR 0024). A published project is scored against
 * every investor in memory: its own list is written whole, and it enters the lists of the investors whose floor it
 * beats, each looked at under its row's lock. A removal takes it out of every list in the same transaction and
 * queues the investor lists it leaves short (their next best was not stored) for a refill.
 */
@Injectable()
export class ProjectIndexing {
  constructor(private readonly index: IndexState) {}

  /**
   * Takes the index lock that a change of this project needs (exclusive when it is published now: a removal lowers
   * floors), locks its catalogue row, and answers where it stands (null when the catalogue has never heard of it).
   */
  async lockForProject(manager: EntityManager, projectId: string): Promise<CatalogueStanding | null> {
    // The mode from the row as it is before the lock (one statement), then the row read again under it.
    const [{ exclusive }]: { exclusive: boolean }[] = await manager.query(
      `SELECT coalesce(bool_or(published), false) AS exclusive,
         CASE WHEN coalesce(bool_or(published), false) THEN pg_advisory_xact_lock($2)
           ELSE pg_advisory_xact_lock_shared($2) END
       FROM catalogued_projects WHERE project_id = $1`,
      [projectId, MATCH_INDEX_LOCK],
    );
    const [row]: { published: boolean; last_version: number }[] = await manager.query(
      'SELECT published, last_version FROM catalogued_projects WHERE project_id = $1 FOR UPDATE',
      [projectId],
    );
    // Published in between (by another instance): the shared lock is not enough any more.
    if (row?.published && !exclusive) await lockIndex(manager, 'exclusive');
    return row ? { published: row.published, lastVersion: row.last_version } : null;
  }

  /**
   * A project the catalogue has just published (its facts as the catalogue answered them): its own list, and the
   * investor lists it enters. Shared lock (exclusive for a project published before, after `removeProject`).
   */
  async addProject(manager: EntityManager, facts: ProjectFactsRow): Promise<void> {
    const projectId = facts.project_id;
    const { versionId, weights, investors } = await this.index.forScoring(manager);
    const project = prepareProject(projectFactsOf(facts));
    const best = new TopK<null>(this.index.listSize);
    const offers: Offer[] = [];
    for (const investor of investors) {
      const score = scoreMatch(investor.prepared, project, weights);
      if (score === null) continue;
      best.offer(investor.investorId, score, null);
      if (this.worthLooking(investor.floor, projectId, score, versionId)) {
        offers.push({ owner: investor.investorId, other: projectId, score });
      }
    }
    const now = this.index.now();
    // Its list is empty: a new project, or one `removeProject` took out before publishing it again.
    await this.index.projectLists.write(
      manager,
      [{ owner: projectId, matches: best.sorted() }],
      versionId,
      now,
    );
    if (offers.length === 0) return;
    const floors: ListFloorRow[] = await manager.query(
      `SELECT investor_id, entries, floor_score, floor_project_id, weights_version_id FROM investor_match_lists
       WHERE investor_id = ANY($1::uuid[]) AND active ORDER BY investor_id FOR UPDATE`,
      [offers.map((offer) => offer.owner)],
    );
    this.index.investors.observe(floors);
    const stored = new Map(floors.map((floor) => [floor.investor_id, floorOf(floor)]));
    const entering = offers.filter((offer) => {
      const floor = stored.get(offer.owner);
      return floor !== undefined && this.enters(floor, projectId, offer.score, versionId);
    });
    await this.index.investorLists.merge(manager, entering, versionId, now);
  }

  /**
   * Takes a project out of every list at once (unpublished, withdrawn, or published again with other facts); the
   * investor lists it leaves short are queued for a refill. Exclusive lock.
   */
  async removeProject(manager: EntityManager, projectId: string): Promise<void> {
    const now = this.index.now();
    await this.index.projectLists.clear(manager, [projectId], now);
    await dropRefills(manager, 'project', [projectId]);
    const touched = await this.index.investorLists.removeEverywhere(manager, projectId, now);
    // Their floors went down: every cache of floors must read them again.
    await manager.query(
      `UPDATE investor_match_lists SET change_number = nextval('investor_match_list_changes')
       WHERE investor_id = ANY($1::uuid[])`,
      [touched.map((list) => list.owner)],
    );
    await enqueueRefills(
      manager,
      'investor',
      touched.filter((list) => list.before === this.index.listSize).map((list) => list.owner),
      'removal',
      now,
    );
  }

  /**
   * Whether a list whose floor the cache holds is worth reading under its lock: held floors may be low, and a list
   * of another weights version may have been rebuilt since (only its stored row tells).
   */
  private worthLooking(floor: ListFloor, projectId: string, score: number, versionId: string): boolean {
    return floor.weightsVersionId !== versionId || this.hasRoom(floor, projectId, score);
  }

  /** Whether the project enters a list whose floor was read under its lock; one of another version awaits its rebuild. */
  private enters(floor: ListFloor, projectId: string, score: number, versionId: string): boolean {
    return floor.weightsVersionId === versionId && this.hasRoom(floor, projectId, score);
  }

  private hasRoom(floor: ListFloor, projectId: string, score: number): boolean {
    return (
      floor.entries < this.index.listSize ||
      withinFloor(projectId, score, floor.floorScore, floor.floorProjectId)
    );
  }
}
