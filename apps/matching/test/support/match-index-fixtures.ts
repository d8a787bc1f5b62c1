import type {
  EventEnvelope,
  InvestorProfileFactsPayload,
  ProjectApprovedPayload,
} from '@khoinghiep/contracts';
import { EventContext, type Transaction } from '@khoinghiep/messaging';
import type { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import {
  INVESTOR_PREFERENCES_COLUMNS,
  type InvestorPreferencesRow,
  investorPreferencesOf,
  PROJECT_FACTS_COLUMNS,
  type ProjectFactsRow,
  projectFactsOf,
} from '../../src/match-index/scoring-rows.js';
import type { InvestorPreferences, ProjectFacts } from '../../src/scoring/match-inputs.js';
import { prepareInvestor, prepareProject } from '../../src/scoring/prepared.js';
import { TopK } from '../../src/scoring/ranking.js';
import { scoreMatch } from '../../src/scoring/score-match.js';
import { weightsInForce } from '../../src/weights/weights-in-force.js';

// What the match index tests share: profiles written as the profiles feature writes them, projects approved as
// `projects.events` says, handlers called with a real transaction, and the brute force the stored lists must equal.

/** Writes (or replaces) an investor's profile row, with a new revision as the profiles feature does. */
export async function writeProfile(
  manager: EntityManager,
  preferences: InvestorPreferences,
  published = true,
): Promise<void> {
  const now = new Date();
  await manager.query(
    `INSERT INTO investor_profiles (investor_id, kind, display_name, organisation, sectors, excluded_sectors, stages,
       ticket_min, ticket_max, province_codes, provinces_only, target_groups, thesis, thesis_terms,
       coinvest_with_state, contact, shared_contact_fields, published, version, created_at, updated_at)
     VALUES ($1, $2, 'Nhà đầu tư thử', NULL, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, false,
       '{"email":"ndt@example.vn"}', '{email}', $13, 1, $14, $14)
     ON CONFLICT (investor_id) DO UPDATE SET kind = EXCLUDED.kind, sectors = EXCLUDED.sectors,
       excluded_sectors = EXCLUDED.excluded_sectors, stages = EXCLUDED.stages, ticket_min = EXCLUDED.ticket_min,
       ticket_max = EXCLUDED.ticket_max, province_codes = EXCLUDED.province_codes,
       provinces_only = EXCLUDED.provinces_only, target_groups = EXCLUDED.target_groups, thesis = EXCLUDED.thesis,
       thesis_terms = EXCLUDED.thesis_terms, published = EXCLUDED.published,
       version = investor_profiles.version + 1, revision = nextval('investor_profile_revisions'),
       updated_at = EXCLUDED.updated_at`,
    [
      preferences.investorId,
      preferences.kind,
      preferences.sectors,
      preferences.excludedSectors,
      preferences.stages,
      preferences.ticketMin,
      preferences.ticketMax,
      preferences.provinceCodes,
      preferences.provincesOnly,
      preferences.targetGroups,
      preferences.thesisTerms.join(' '),
      preferences.thesisTerms,
      published,
      now,
    ],
  );
}

/** The payload of a profile event about `preferences` (the index reads the profile itself; this is what travels). */
export function profilePayload(preferences: InvestorPreferences, version = 1): InvestorProfileFactsPayload {
  return {
    investorId: preferences.investorId,
    version,
    kind: preferences.kind,
    displayName: 'Nhà đầu tư thử',
    organisation: null,
    sectors: [...preferences.sectors],
    excludedSectors: [...preferences.excludedSectors],
    stages: [...preferences.stages],
    ticketMin: String(preferences.ticketMin),
    ticketMax: String(preferences.ticketMax),
    provinceCodes: [...preferences.provinceCodes],
    provincesOnly: preferences.provincesOnly,
    targetGroups: [...preferences.targetGroups],
    coinvestWithState: false,
  };
}

/**
 * An approval of a project with these facts: its title is its words, so the catalogue's words (folded title and
 * summary) are the facts' own. OCOP, certification and training come as the catalogue keeps them.
 */
export function approvedPayload(
  facts: ProjectFacts,
  ownerId: string,
  version: number,
): ProjectApprovedPayload {
  return {
    projectId: facts.projectId,
    ownerId,
    version,
    title: facts.terms.join(' ') || 'Dự án',
    summary: '',
    kind: 'innovative_startup',
    sector: facts.sector,
    stage: facts.stage,
    provinceCode: facts.provinceCode,
    commune: 'Xã thử',
    fundingAsk: String(facts.fundingAsk),
    teamSize: 3,
    targetGroups: [...facts.targetGroups],
    ocopStars: facts.ocopStars,
    certificationLevel: facts.certificationLevel,
    website: null,
    sharedContactFields: [],
    publishedAt: new Date().toISOString(),
    reviewerId: uuidv7(),
    comment: null,
  };
}

/**
 * Runs a handler as the consumer would, in its own transaction with an event context (events it records are not
 * expected here), then its after-commit callbacks.
 */
export async function handle<P extends object>(
  dataSource: DataSource,
  type: string,
  aggregateId: string,
  payload: P,
  handler: (payload: P, context: EventContext) => Promise<void>,
): Promise<void> {
  const callbacks: (() => void | Promise<void>)[] = [];
  const envelope: EventEnvelope<P> = {
    id: uuidv7(),
    type,
    version: 1,
    occurredAt: new Date().toISOString(),
    aggregateType: 'test',
    aggregateId,
    actor: { userId: null, roles: [] },
    correlationId: `itest-${uuidv7()}`,
    causationId: null,
    payload,
  };
  await dataSource.transaction(async (manager) => {
    const tx: Transaction = {
      manager,
      record: () => {
        throw new Error('the match index records no events');
      },
      afterCommit: (callback) => callbacks.push(callback),
    };
    await handler(payload, new EventContext([envelope, tx, {} as never]));
  });
  for (const callback of callbacks) await callback();
}

/** One stored list: its owner and its matches best first, as `owner other score` lines (easy to diff). */
export type Lists = Record<string, string[]>;

const line = (other: string, score: number) => `${other} ${score.toFixed(2)}`;

/** Every stored list of both sides, best first. */
export async function storedLists(dataSource: DataSource): Promise<{ investors: Lists; projects: Lists }> {
  const read = async (table: string, owner: string, other: string) => {
    const rows: { owner: string; other: string; score: number }[] = await dataSource.query(
      `SELECT ${owner} AS owner, ${other} AS other, score FROM ${table} ORDER BY ${owner}, score DESC, ${other}`,
    );
    const lists: Lists = {};
    for (const row of rows) {
      lists[row.owner] = [...(lists[row.owner] ?? []), line(row.other, row.score)];
    }
    return lists;
  };
  return {
    investors: await read('investor_matches', 'investor_id', 'project_id'),
    projects: await read('project_matches', 'project_id', 'investor_id'),
  };
}

/**
 * The lists a brute-force scoring of every pair gives: each published profile against each published project of
 * the catalogue, with the weights in force, the best `size` of each side (empty lists left out).
 */
export async function bruteForceLists(
  dataSource: DataSource,
  size: number,
): Promise<{ investors: Lists; projects: Lists }> {
  const weights = await weightsInForce(dataSource.manager, new Date());
  const investorRows: InvestorPreferencesRow[] = await dataSource.query(
    `SELECT p.investor_id, ${INVESTOR_PREFERENCES_COLUMNS} FROM investor_profiles p WHERE p.published`,
  );
  const projectRows: ProjectFactsRow[] = await dataSource.query(
    `SELECT ${PROJECT_FACTS_COLUMNS} FROM catalogued_projects c WHERE c.published`,
  );
  const investors = investorRows.map((row) => prepareInvestor(investorPreferencesOf(row)));
  const projects = projectRows.map((row) => prepareProject(projectFactsOf(row)));
  const lists = { investors: {} as Lists, projects: {} as Lists };
  const collect = (into: Lists, owner: string, best: TopK<null>) => {
    if (best.size > 0) into[owner] = best.sorted().map((entry) => line(entry.id, entry.score));
  };
  for (const investor of investors) {
    const best = new TopK<null>(size);
    for (const project of projects) {
      const score = scoreMatch(investor, project, weights);
      if (score !== null) best.offer(project.facts.projectId, score, null);
    }
    collect(lists.investors, investor.preferences.investorId, best);
  }
  for (const project of projects) {
    const best = new TopK<null>(size);
    for (const investor of investors) {
      const score = scoreMatch(investor, project, weights);
      if (score !== null) best.offer(investor.preferences.investorId, score, null);
    }
    collect(lists.projects, project.facts.projectId, best);
  }
  return lists;
}

/** Lists whose bookkeeping (size, floor) differs from their rows: none, when the index is consistent. */
export async function inconsistentBooks(dataSource: DataSource): Promise<string[]> {
  const rows: { owner: string }[] = await dataSource.query(`
    SELECT l.investor_id AS owner FROM investor_match_lists l
    LEFT JOIN LATERAL (SELECT count(*)::int AS n FROM investor_matches m WHERE m.investor_id = l.investor_id) c
      ON true
    LEFT JOIN LATERAL (SELECT score, project_id FROM investor_matches m WHERE m.investor_id = l.investor_id
      ORDER BY score, project_id DESC LIMIT 1) f ON true
    WHERE l.entries <> c.n OR l.floor_score IS DISTINCT FROM f.score OR l.floor_project_id IS DISTINCT FROM f.project_id
    UNION ALL
    SELECT p.project_id FROM catalogued_projects p
    LEFT JOIN LATERAL (SELECT count(*)::int AS n FROM project_matches m WHERE m.project_id = p.project_id) c ON true
    LEFT JOIN LATERAL (SELECT score, investor_id FROM project_matches m WHERE m.project_id = p.project_id
      ORDER BY score, investor_id DESC LIMIT 1) f ON true
    WHERE p.list_entries <> c.n OR p.list_floor_score IS DISTINCT FROM f.score
      OR p.list_floor_investor_id IS DISTINCT FROM f.investor_id`);
  return rows.map((row) => row.owner);
}
