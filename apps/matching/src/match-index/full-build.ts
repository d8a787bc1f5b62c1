import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { prepareInvestor, prepareProject } from '../scoring/prepared.js';
import { TopK } from '../scoring/ranking.js';
import { scoreMatch } from '../scoring/score-match.js';
import { IndexState } from './index-state.js';
import type { RankedList } from './match-lists.js';
import {
  INVESTOR_PREFERENCES_COLUMNS,
  type InvestorPreferencesRow,
  investorPreferencesOf,
  PROJECT_FACTS_COLUMNS,
  type ProjectFactsRow,
  projectFactsOf,
} from './scoring-rows.js';

/** Projects read, scored and written per step of the pass (their lists are written as soon as they are complete). */
const PROJECTS_PER_STEP = 5_000;
const INVESTORS_PER_WRITE = 2_000;

export interface BuiltLists {
  readonly investors: number;
  readonly projects: number;
}

/**
 * Every stored list from scratch, in one pass over all pairs: each published project is scored against every
 * investor in matching, which completes the project's list at once and offers the project to each investor's list
 * (kept in memory, written at the end). Used by the rebuild (`npm run matching:rebuild`) and the national bench.
 * The investors are the published profiles; every list row gets a new change number, so caches read them again.
 * Exclusive lock (held by the caller for the whole transaction).
 */
@Injectable()
export class FullBuild {
  constructor(private readonly index: IndexState) {}

  async buildAll(manager: EntityManager): Promise<BuiltLists> {
    const { versionId, weights } = await this.index.weightsInUse(manager);
    const now = this.index.now();
    await manager.query('DELETE FROM investor_matches');
    await manager.query('DELETE FROM project_matches');
    await manager.query(`DELETE FROM match_refills`);
    await manager.query(
      `UPDATE catalogued_projects SET list_entries = 0, list_floor_score = NULL, list_floor_investor_id = NULL,
         list_weights_version_id = NULL
       WHERE list_entries > 0 OR list_weights_version_id IS NOT NULL`,
    );
    await manager.query(
      `INSERT INTO investor_match_lists AS l (investor_id, active, profile_revision, updated_at)
       SELECT p.investor_id, p.published, p.revision, $1 FROM investor_profiles p
       ON CONFLICT (investor_id) DO UPDATE SET active = EXCLUDED.active,
         profile_revision = EXCLUDED.profile_revision, entries = 0, floor_score = NULL, floor_project_id = NULL,
         weights_version_id = NULL, change_number = nextval('investor_match_list_changes'),
         updated_at = EXCLUDED.updated_at`,
      [now],
    );
    const investorRows: InvestorPreferencesRow[] = await manager.query(
      `SELECT p.investor_id, ${INVESTOR_PREFERENCES_COLUMNS} FROM investor_profiles p WHERE p.published
       ORDER BY p.investor_id`,
    );
    const investors = investorRows.map((row) => ({
      prepared: prepareInvestor(investorPreferencesOf(row)),
      best: new TopK<null>(this.index.listSize),
    }));

    let projects = 0;
    for (let after = '00000000-0000-0000-0000-000000000000'; ; ) {
      const rows: ProjectFactsRow[] = await manager.query(
        `SELECT ${PROJECT_FACTS_COLUMNS} FROM catalogued_projects c
         WHERE c.published AND c.project_id > $1 ORDER BY c.project_id LIMIT $2`,
        [after, PROJECTS_PER_STEP],
      );
      if (rows.length === 0) break;
      const lists = rows.map((row): RankedList => {
        const project = prepareProject(projectFactsOf(row));
        const best = new TopK<null>(this.index.listSize);
        for (const investor of investors) {
          const score = scoreMatch(investor.prepared, project, weights);
          if (score === null) continue;
          best.offer(investor.prepared.preferences.investorId, score, null);
          investor.best.offer(row.project_id, score, null);
        }
        return { owner: row.project_id, matches: best.sorted() };
      });
      await this.index.projectLists.replace(manager, lists, versionId, now);
      projects += rows.length;
      after = (rows[rows.length - 1] as ProjectFactsRow).project_id;
    }

    for (let start = 0; start < investors.length; start += INVESTORS_PER_WRITE) {
      const lists = investors.slice(start, start + INVESTORS_PER_WRITE).map(
        (investor): RankedList => ({
          owner: investor.prepared.preferences.investorId,
          matches: investor.best.sorted(),
        }),
      );
      await this.index.investorLists.replace(manager, lists, versionId, now);
    }
    return { investors: investors.length, projects };
  }
}
