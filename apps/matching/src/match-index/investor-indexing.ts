import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type PreparedInvestor, prepareInvestor, prepareProject } from '../scoring/prepared.js';
import { TopK } from '../scoring/ranking.js';
import { scoreMatch } from '../scoring/score-match.js';
import { IndexState, withinFloor } from './index-state.js';
import type { Offer } from './match-lists.js';
import { dropRefills, enqueueRefills } from './refill-queue.js';
import {
  INVESTOR_PREFERENCES_COLUMNS,
  type InvestorPreferencesRow,
  investorPreferencesOf,
  PROJECT_FACTS_COLUMNS,
  type ProjectFactsRow,
  projectFactsOf,
} from './scoring-rows.js';

/** A published project's facts and its own list's bookkeeping, as one pass over the catalogue reads them. */
type ProjectAndListRow = ProjectFactsRow & {
  list_entries: number;
  list_floor_score: number | null;
  list_floor_investor_id: string | null;
  list_weights_version_id: string | null;
};

/**
 * The match index's side of an investor's profile (ADR 0024): rescored against every published project in one pass
 * over the catalogue, whose rows carry each project's list floor, so that the investor's own list is written whole
 * and every project list the investor enters, moves in or leaves is fixed without reading it. A list the investor
 * leaves while it was full is queued for a refill (its next best was not stored).
 */
@Injectable()
export class InvestorIndexing {
  constructor(private readonly index: IndexState) {}

  /**
   * Brings the index up to the investor's profile as it is now: rescored if published, out of every list if not.
   * Nothing to do when the index holds this revision already with the weights in use (a duplicate or late event).
   * Exclusive lock.
   */
  async refreshInvestor(manager: EntityManager, investorId: string): Promise<void> {
    const [profile]: (InvestorPreferencesRow & { published: boolean })[] = await manager.query(
      `SELECT p.investor_id, ${INVESTOR_PREFERENCES_COLUMNS}, p.published FROM investor_profiles p
       WHERE p.investor_id = $1`,
      [investorId],
    );
    const [books]: { active: boolean; profile_revision: string | null; weights_version_id: string | null }[] =
      await manager.query(
        `SELECT active, profile_revision, weights_version_id FROM investor_match_lists
         WHERE investor_id = $1 FOR UPDATE`,
        [investorId],
      );
    if (!profile?.published) {
      if (books?.active) await this.remove(manager, investorId, profile?.revision ?? null);
      return;
    }
    const { versionId } = await this.index.weightsInUse(manager);
    if (
      books?.active &&
      books.profile_revision === profile.revision &&
      books.weights_version_id === versionId
    ) {
      return;
    }
    await this.rescore(manager, prepareInvestor(investorPreferencesOf(profile)), profile.revision);
  }

  private async rescore(manager: EntityManager, investor: PreparedInvestor, revision: string): Promise<void> {
    const { investorId } = investor.preferences;
    const { versionId, weights } = await this.index.weightsInUse(manager);
    const { listSize } = this.index;
    const now = this.index.now();
    await manager.query(
      `INSERT INTO investor_match_lists (investor_id, active, profile_revision, updated_at)
       VALUES ($1, true, $2, $3)
       ON CONFLICT (investor_id) DO UPDATE SET active = true, profile_revision = EXCLUDED.profile_revision,
         change_number = nextval('investor_match_list_changes'), updated_at = EXCLUDED.updated_at`,
      [investorId, revision, now],
    );
    const listed: { project_id: string }[] = await manager.query(
      'SELECT project_id FROM project_matches WHERE investor_id = $1',
      [investorId],
    );
    const listedIn = new Set(listed.map((row) => row.project_id));
    const rows: ProjectAndListRow[] = await manager.query(
      `SELECT ${PROJECT_FACTS_COLUMNS}, c.list_entries, c.list_floor_score, c.list_floor_investor_id,
         c.list_weights_version_id
       FROM catalogued_projects c WHERE c.published`,
    );
    const best = new TopK<null>(listSize);
    const offers: Offer[] = [];
    const leaving: { owner: string; other: string }[] = [];
    const refills: string[] = [];
    for (const row of rows) {
      const score = scoreMatch(investor, prepareProject(projectFactsOf(row)), weights);
      if (score !== null) best.offer(row.project_id, score, null);
      // A list of another weights version waits for its rebuild, which will read this profile.
      if (row.list_weights_version_id !== versionId) continue;
      const full = row.list_entries >= listSize;
      if (
        score !== null &&
        (!full || withinFloor(investorId, score, row.list_floor_score, row.list_floor_investor_id))
      ) {
        offers.push({ owner: row.project_id, other: investorId, score });
      } else if (listedIn.has(row.project_id)) {
        leaving.push({ owner: row.project_id, other: investorId });
        if (full) refills.push(row.project_id);
      }
    }
    await this.index.investorLists.replace(
      manager,
      [{ owner: investorId, matches: best.sorted() }],
      versionId,
      now,
    );
    await dropRefills(manager, 'investor', [investorId]);
    await this.index.projectLists.removePairs(manager, leaving, now);
    await this.index.projectLists.merge(manager, offers, versionId, now);
    await enqueueRefills(manager, 'project', refills, 'removal', now);
  }

  private async remove(manager: EntityManager, investorId: string, revision: string | null): Promise<void> {
    const now = this.index.now();
    await this.index.investorLists.clear(manager, [investorId], now);
    await dropRefills(manager, 'investor', [investorId]);
    await manager.query(
      `UPDATE investor_match_lists SET active = false, profile_revision = $2,
         change_number = nextval('investor_match_list_changes') WHERE investor_id = $1`,
      [investorId, revision],
    );
    const touched = await this.index.projectLists.removeEverywhere(manager, investorId, now);
    await enqueueRefills(
      manager,
      'project',
      touched.filter((list) => list.before === this.index.listSize).map((list) => list.owner),
      'removal',
      now,
    );
  }
}
