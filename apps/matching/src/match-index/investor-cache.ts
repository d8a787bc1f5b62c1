import type { EntityManager } from 'typeorm';
import { type PreparedInvestor, prepareInvestor } from '../scoring/prepared.js';
import {
  INVESTOR_PREFERENCES_COLUMNS,
  type InvestorPreferencesRow,
  investorPreferencesOf,
} from './scoring-rows.js';

/** What the index knows of an investor's stored list without reading it: its size, floor and weights version. */
export interface ListFloor {
  readonly entries: number;
  readonly floorScore: number | null;
  readonly floorProjectId: string | null;
  readonly weightsVersionId: string | null;
}

export interface CachedInvestor {
  readonly investorId: string;
  readonly prepared: PreparedInvestor;
  floor: ListFloor;
}

/** The floor columns of an `investor_match_lists` row. */
export interface ListFloorRow {
  investor_id: string;
  entries: number;
  floor_score: number | null;
  floor_project_id: string | null;
  weights_version_id: string | null;
}

type CatchUpRow = ListFloorRow &
  Omit<InvestorPreferencesRow, 'revision'> & {
    change_number: string;
    active: boolean;
    revision: string | null;
  };

export const floorOf = (row: ListFloorRow): ListFloor => ({
  entries: row.entries,
  floorScore: row.floor_score,
  floorProjectId: row.floor_project_id,
  weightsVersionId: row.weights_version_id,
});

/**
 * The investors in matching, prepared for scoring, with their lists' floors: a new project is scored against all of
 * them in memory. It catches up by reading the `investor_match_lists` rows whose change number is above the highest
 * it holds (with their profiles); those numbers are only taken under the exclusive index lock, so a catch-up under
 * the shared lock misses none (a catch-up by `investor_profiles.revision` could: a sequence value is taken before
 * its transaction commits, so a lower revision can appear after a higher one was read). Floors held here may be
 * lower than the stored ones (new projects raise floors without a new number), never higher: they only tell which
 * lists to look at.
 */
export class InvestorCache {
  private readonly held = new Map<string, { changeNumber: number; investor: CachedInvestor | null }>();
  private highest = 0;
  private investors: CachedInvestor[] | null = null;

  /**
   * Reads what changed since the last catch-up and answers every investor in matching, with the weights version the
   * index builds lists with (`match_index_state`), in the same read.
   */
  async catchUp(
    manager: EntityManager,
  ): Promise<{ weightsVersionId: string; investors: readonly CachedInvestor[] }> {
    const rows: (Partial<CatchUpRow> & { in_use: string })[] = await manager.query(
      `SELECT s.weights_version_id AS in_use, l.investor_id, l.change_number, l.active, l.entries, l.floor_score,
         l.floor_project_id, l.weights_version_id, ${INVESTOR_PREFERENCES_COLUMNS}
       FROM match_index_state s
       LEFT JOIN (investor_match_lists l LEFT JOIN investor_profiles p ON p.investor_id = l.investor_id)
         ON l.change_number > $1
       ORDER BY l.change_number`,
      [this.highest],
    );
    const [first] = rows;
    if (!first) throw new Error('match_index_state has no row: the match index migration seeds it');
    for (const row of rows) if (row.investor_id) this.apply(row as CatchUpRow);
    this.investors ??= [...this.held.values()].flatMap((entry) => (entry.investor ? [entry.investor] : []));
    return { weightsVersionId: first.in_use, investors: this.investors };
  }

  /** Takes in floors just read under the lists' row locks (the stored truth at that moment). */
  observe(rows: readonly ListFloorRow[]): void {
    for (const row of rows) {
      const investor = this.held.get(row.investor_id)?.investor;
      if (investor) investor.floor = floorOf(row);
    }
  }

  private apply(row: CatchUpRow): void {
    const changeNumber = Number(row.change_number);
    this.highest = Math.max(this.highest, changeNumber);
    const entry = this.held.get(row.investor_id);
    if (entry && entry.changeNumber >= changeNumber) return;
    const investor =
      row.active && row.revision !== null
        ? {
            investorId: row.investor_id,
            prepared: prepareInvestor(investorPreferencesOf({ ...row, revision: row.revision })),
            floor: floorOf(row),
          }
        : null;
    this.held.set(row.investor_id, { changeNumber, investor });
    this.investors = null;
  }
}
