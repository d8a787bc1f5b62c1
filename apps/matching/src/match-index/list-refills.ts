import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { prepareInvestor, prepareProject } from '../scoring/prepared.js';
import { TopK } from '../scoring/ranking.js';
import { scoreMatch } from '../scoring/score-match.js';
import { lockIndex } from './index-lock.js';
import { IndexState } from './index-state.js';
import type { RankedList } from './match-lists.js';
import { takeRefills } from './refill-queue.js';
import {
  INVESTOR_PREFERENCES_COLUMNS,
  type InvestorPreferencesRow,
  investorPreferencesOf,
  PROJECT_FACTS_COLUMNS,
  type ProjectFactsRow,
  projectFactsOf,
} from './scoring-rows.js';

/**
 * How many lists one refill transaction rebuilds: investors share one pass over the catalogue (each costs a scoring
 * of every project), projects are scored against the cached investors (each costs a scoring of every investor).
 */
export const REFILL_BATCH = { investor: 200, project: 2000 } as const;

/**
 * Rebuilds queued lists from scratch (ADR 0024): lists left short by a removal, or of an older weights version. Runs
 * under the shared index lock beside new publications, each list locked by its owner's row before the catalogue or
 * the investors are read, so a publication either is seen by the rebuild or offers itself to the rebuilt list. A
 * rebuild only raises a floor that caches hold (a short list's floor is open), so it needs no new change number.
 */
@Injectable()
export class ListRefills {
  constructor(private readonly index: IndexState) {}

  /** Takes one batch off the queue (investors first) and rebuilds it, in one transaction; answers how many lists. */
  async refillBatch(manager: EntityManager): Promise<number> {
    await lockIndex(manager, 'shared');
    const investors = await takeRefills(manager, 'investor', REFILL_BATCH.investor);
    if (investors.length > 0) {
      await this.refillInvestors(manager, investors);
      return investors.length;
    }
    const projects = await takeRefills(manager, 'project', REFILL_BATCH.project);
    await this.refillProjects(manager, projects);
    return projects.length;
  }

  async refillInvestors(manager: EntityManager, investorIds: readonly string[]): Promise<void> {
    const rows: InvestorPreferencesRow[] = await manager.query(
      `SELECT p.investor_id, ${INVESTOR_PREFERENCES_COLUMNS} FROM investor_match_lists l
       JOIN investor_profiles p ON p.investor_id = l.investor_id
       WHERE l.investor_id = ANY($1::uuid[]) AND l.active ORDER BY l.investor_id FOR UPDATE OF l`,
      [investorIds],
    );
    if (rows.length === 0) return;
    const { versionId, weights } = await this.index.weightsInUse(manager);
    const investors = rows.map((row) => ({
      prepared: prepareInvestor(investorPreferencesOf(row)),
      best: new TopK<null>(this.index.listSize),
    }));
    const projects: ProjectFactsRow[] = await manager.query(
      `SELECT ${PROJECT_FACTS_COLUMNS} FROM catalogued_projects c WHERE c.published`,
    );
    for (const row of projects) {
      const project = prepareProject(projectFactsOf(row));
      for (const investor of investors) {
        const score = scoreMatch(investor.prepared, project, weights);
        if (score !== null) investor.best.offer(row.project_id, score, null);
      }
    }
    const lists = investors.map(
      (investor): RankedList => ({
        owner: investor.prepared.preferences.investorId,
        matches: investor.best.sorted(),
      }),
    );
    await this.index.investorLists.replace(manager, lists, versionId, this.index.now());
  }

  async refillProjects(manager: EntityManager, projectIds: readonly string[]): Promise<void> {
    const rows: ProjectFactsRow[] = await manager.query(
      `SELECT ${PROJECT_FACTS_COLUMNS} FROM catalogued_projects c
       WHERE c.project_id = ANY($1::uuid[]) AND c.published ORDER BY c.project_id FOR UPDATE`,
      [projectIds],
    );
    if (rows.length === 0) return;
    const { versionId, weights, investors } = await this.index.forScoring(manager);
    const lists = rows.map((row): RankedList => {
      const project = prepareProject(projectFactsOf(row));
      const best = new TopK<null>(this.index.listSize);
      for (const investor of investors) {
        const score = scoreMatch(investor.prepared, project, weights);
        if (score !== null) best.offer(investor.investorId, score, null);
      }
      return { owner: row.project_id, matches: best.sorted() };
    });
    await this.index.projectLists.replace(manager, lists, versionId, this.index.now());
  }
}
