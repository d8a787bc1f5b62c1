import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type FullBuildScoring,
  type ScoringSetup,
  scoringHere,
  scoringInThreads,
} from './full-build-scoring.js';
import { IndexState } from './index-state.js';
import type { RankedList } from './match-lists.js';
import {
  INVESTOR_PREFERENCES_COLUMNS,
  type InvestorPreferencesRow,
  investorPreferencesOf,
  PROJECT_FACTS_COLUMNS,
  type ProjectFactsRow,
} from './scoring-rows.js';

/** Projects read, scored and written per step of the pass (their lists are complete at once). */
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
 * With `threads` > 0, worker threads (the compiled code) score while this thread reads and writes, so the database
 * writes one batch while the next is scored; with none, all in this thread (tests, small catalogues).
 * The investors are the published profiles; every list row gets a new change number, so caches read them again.
 * Exclusive lock (held by the caller for the whole transaction).
 */
@Injectable()
export class FullBuild {
  constructor(private readonly index: IndexState) {}

  async buildAll(manager: EntityManager, { threads = 0 }: { threads?: number } = {}): Promise<BuiltLists> {
    const { versionId, weights } = await this.index.weightsInUse(manager);
    const now = this.index.now();
    await this.emptyLists(manager, now);
    const investors: InvestorPreferencesRow[] = await manager.query(
      `SELECT p.investor_id, ${INVESTOR_PREFERENCES_COLUMNS} FROM investor_profiles p WHERE p.published
       ORDER BY p.investor_id`,
    );
    const setup: ScoringSetup = {
      investors: investors.map(investorPreferencesOf),
      weights,
      listSize: this.index.listSize,
    };
    const scoring: FullBuildScoring = threads > 0 ? scoringInThreads(setup, threads) : scoringHere(setup);
    try {
      let projects = 0;
      let writing: Promise<void> = Promise.resolve();
      let rows = await this.publishedAfter(manager, null);
      while (rows.length > 0) {
        const lists = await scoring.scoreProjects(rows);
        projects += rows.length;
        await writing;
        const next = await this.publishedAfter(
          manager,
          (rows[rows.length - 1] as ProjectFactsRow).project_id,
        );
        // Written (one statement: the lists are empty) while the next batch is scored.
        writing = this.index.projectLists.write(manager, lists, versionId, now);
        rows = next;
      }
      await writing;
      const best = await scoring.investorLists();
      for (let start = 0; start < investors.length; start += INVESTORS_PER_WRITE) {
        const lists = investors
          .slice(start, start + INVESTORS_PER_WRITE)
          .map((row, i): RankedList => ({ owner: row.investor_id, matches: best[start + i] ?? [] }));
        await this.index.investorLists.write(manager, lists, versionId, now);
      }
      return { investors: investors.length, projects };
    } finally {
      await scoring.close();
    }
  }

  /** No list rows and no floors; every profile's list row in place, active if published, with a new number. */
  private async emptyLists(manager: EntityManager, now: Date): Promise<void> {
    await manager.query('DELETE FROM investor_matches');
    await manager.query('DELETE FROM project_matches');
    await manager.query('DELETE FROM match_refills');
    await manager.query(
      `UPDATE catalogued_projects SET list_entries = 0, list_floor_score = NULL, list_floor_investor_id = NULL,
         list_weights_version_id = NULL
       WHERE list_entries > 0 OR list_weights_version_id IS NOT NULL`,
    );
    await manager.query(
      `INSERT INTO investor_match_lists (investor_id, active, profile_revision, updated_at)
       SELECT p.investor_id, p.published, p.revision, $1 FROM investor_profiles p
       ON CONFLICT (investor_id) DO UPDATE SET active = EXCLUDED.active,
         profile_revision = EXCLUDED.profile_revision, entries = 0, floor_score = NULL, floor_project_id = NULL,
         weights_version_id = NULL, change_number = nextval('investor_match_list_changes'),
         updated_at = EXCLUDED.updated_at`,
      [now],
    );
  }

  private publishedAfter(manager: EntityManager, after: string | null): Promise<ProjectFactsRow[]> {
    return manager.query(
      `SELECT ${PROJECT_FACTS_COLUMNS} FROM catalogued_projects c
       WHERE c.published AND ($1::uuid IS NULL OR c.project_id > $1) ORDER BY c.project_id LIMIT $2`,
      [after, PROJECTS_PER_STEP],
    );
  }
}
