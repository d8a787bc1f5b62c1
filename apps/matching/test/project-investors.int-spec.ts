import 'reflect-metadata';
import { jest } from '@jest/globals';
import { Role } from '@khoinghiep/contracts';
import { freshDatabase, userFactory } from '@khoinghiep/testing';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CataloguedProject } from '../src/catalogue/catalogued-project.entity.js';
import { ProjectInvestorsService } from '../src/matches/project-investors.service.js';
import { preferencesOf, projectFactsOf } from '../src/matches/scorer-inputs.js';
import { ProjectMatch } from '../src/matches/stored-match.entity.js';
import { InvestorProfile } from '../src/profiles/investor-profile.entity.js';
import type { ProjectFacts } from '../src/scoring/match-inputs.js';
import { prepareInvestor, prepareProject } from '../src/scoring/prepared.js';
import { randomInvestor, randomProject, seededRandom } from '../src/scoring/random-fixtures.js';
import { compareMatches } from '../src/scoring/ranking.js';
import { scoreMatch } from '../src/scoring/score-match.js';
import { weightsInForce } from '../src/weights/weights-in-force.js';
import { startMatchingApp } from './support/matching-app.js';

// A founder's side of matching through the matching app in-process, on real PostgreSQL: profiles, the catalogue and
// one project's stored list written straight into the tables (as the profiles service and the index keep them).

jest.setTimeout(60_000);

const STORED = 4;

interface InvestorItem {
  investor: Record<string, unknown> & { investorId: string; displayName: string };
  score: number;
  criteria: { criterion: string; points: number; explanation: { vi: string; en: string } }[];
  filters: { filter: string }[];
}
interface PageBody {
  items: InvestorItem[];
  nextCursor: string | null;
}

describe('a project’s fitting investors over HTTP', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let as: ReturnType<typeof userFactory>;
  let http: () => ReturnType<typeof request>;
  let founder: ReturnType<ReturnType<typeof userFactory>>;
  let stranger: ReturnType<ReturnType<typeof userFactory>>;
  let profiles: InvestorProfile[];
  let stored: CataloguedProject;
  let unstored: CataloguedProject;
  let othersProject: CataloguedProject;
  let withdrawnProject: CataloguedProject;
  let computed: jest.SpiedFunction<(...args: unknown[]) => Promise<unknown>>;

  const catalogued = (
    facts: ProjectFacts,
    ownerId: string,
    title: string,
    published = true,
  ): CataloguedProject =>
    Object.assign(new CataloguedProject(), {
      projectId: facts.projectId,
      ownerId,
      published,
      title,
      summary: `${title}: tóm tắt`,
      kind: 'household_business',
      sector: facts.sector,
      stage: facts.stage,
      provinceCode: facts.provinceCode,
      commune: null,
      fundingAsk: String(facts.fundingAsk),
      teamSize: 3,
      targetGroups: [...facts.targetGroups],
      ocopStars: facts.ocopStars,
      certificationLevel: facts.certificationLevel,
      sharedContactFields: [],
      terms: [...facts.terms],
      trainingCompleted: facts.trainingCompleted,
      publishedAt: new Date(`2026-02-0${title.length % 9}T00:00:00Z`),
      lastVersion: 2,
      lastEventType: 'projects.project.approved',
      updatedAt: new Date(),
      listEntries: 0,
      listFloorScore: null,
      listFloorInvestorId: null,
      listWeightsVersionId: null,
    } satisfies CataloguedProject);

  /** Every published profile the project fits, best first: what every list must equal. */
  const bruteForce = async (project: CataloguedProject) => {
    const weights = await weightsInForce(dataSource.manager, new Date());
    const prepared = prepareProject(projectFactsOf(project));
    return profiles
      .filter((profile) => profile.published)
      .map((profile) => ({
        id: profile.investorId,
        score: scoreMatch(prepareInvestor(preferencesOf(profile)), prepared, weights),
      }))
      .filter((match): match is { id: string; score: number } => match.score !== null)
      .sort(compareMatches);
  };

  const readAll = async (who: { auth: string }, projectId: string, limit: number) => {
    const items: InvestorItem[] = [];
    let cursor: string | null = null;
    do {
      const response = await http()
        .get(`/api/v1/matching/projects/${projectId}/investors`)
        .set('authorization', who.auth)
        .query(cursor ? { limit, cursor } : { limit })
        .expect(200);
      const body = response.body as PageBody;
      items.push(...body.items);
      cursor = body.nextCursor;
    } while (cursor !== null);
    return items;
  };
  const ids = (items: { id: string }[]) => items.map((item) => item.id);
  const investorIds = (items: InvestorItem[]) => items.map((item) => item.investor.investorId);

  beforeAll(async () => {
    app = await startMatchingApp(await freshDatabase('matching_project_investors_int'));
    dataSource = app.get(DataSource);
    as = userFactory(app);
    http = () => request(app.getHttpServer());
    founder = as(Role.Founder, 'nha-sang-lap');
    stranger = as(Role.Founder, 'nguoi-khac');

    const random = seededRandom(38);
    profiles = Array.from({ length: 40 }, (_, index) => {
      const preferences = randomInvestor(random, { ticketMin: 0, ticketMax: 50_000_000_000 });
      return Object.assign(new InvestorProfile(), {
        ...preferences,
        sectors: [...preferences.sectors],
        excludedSectors: [...preferences.excludedSectors],
        stages: [...preferences.stages],
        ticketMin: String(preferences.ticketMin),
        ticketMax: String(preferences.ticketMax),
        provinceCodes: [...preferences.provinceCodes],
        targetGroups: [...preferences.targetGroups],
        thesisTerms: [...preferences.thesisTerms],
        displayName: `Nhà đầu tư ${index}`,
        organisation: null,
        thesis: preferences.thesisTerms.join(' '),
        coinvestWithState: index % 2 === 0,
        contact: { email: `investor${index}@secret.example.vn`, phone: '0901234567' },
        sharedContactFields: ['email'],
        published: index % 10 !== 9,
        version: 1,
        createdAt: new Date(),
        updatedAt: new Date(),
      } satisfies Omit<InvestorProfile, 'revision'>);
    });
    await dataSource.getRepository(InvestorProfile).insert(profiles);

    const facts = (overrides: Partial<ProjectFacts>) =>
      randomProject(random, { fundingAsk: 1_000_000_000, ...overrides });
    stored = catalogued(facts({ sector: 'agriculture_food' }), founder.user.id, 'Cà phê Krông Pắc');
    unstored = catalogued(facts({ sector: 'tourism' }), founder.user.id, 'Homestay Buôn Đôn');
    othersProject = catalogued(facts({}), stranger.user.id, 'Dự án người khác');
    withdrawnProject = catalogued(facts({}), founder.user.id, 'Dự án đã gỡ', false);
    await dataSource
      .getRepository(CataloguedProject)
      .insert([stored, unstored, othersProject, withdrawnProject]);

    // The stored best list of one project, and a stale row of a withdrawn profile at its top.
    const weights = await weightsInForce(dataSource.manager, new Date());
    const best = (await bruteForce(stored)).slice(0, STORED);
    const withdrawn = profiles.find((profile) => !profile.published) as InvestorProfile;
    await dataSource.getRepository(ProjectMatch).insert(
      [...best, { id: withdrawn.investorId, score: 100 }].map((match) => ({
        projectId: stored.projectId,
        investorId: match.id,
        score: match.score,
        weightsVersionId: weights.versionId,
        scoredAt: new Date(),
      })),
    );
    await dataSource.query(
      'UPDATE catalogued_projects SET list_entries = $2, list_floor_score = $3, list_floor_investor_id = $4, list_weights_version_id = $5 WHERE project_id = $1',
      [stored.projectId, STORED, best.at(-1)?.score, best.at(-1)?.id, weights.versionId],
    );
    computed = jest.spyOn(
      ProjectInvestorsService.prototype as unknown as { computed: (...args: unknown[]) => Promise<unknown> },
      'computed',
    );
  }, 90_000);

  afterAll(async () => {
    computed?.mockRestore();
    await app?.close();
  });

  it('ranks the published profiles that fit, best first, across the stored list into scores on demand', async () => {
    const expected = await bruteForce(stored);
    expect(expected.length).toBeGreaterThan(STORED * 2);
    computed.mockClear();
    const all = await readAll(founder, stored.projectId, 2);
    expect(investorIds(all)).toEqual(ids(expected));
    expect(all.map((item) => item.score)).toEqual(expected.map((match) => match.score));
    // The first page (rows 1–2 and one more) fits in the 4 stored rows; the second would need a fifth.
    expect(computed).toHaveBeenCalledTimes(Math.ceil(expected.length / 2) - 1);
    const first = all[0] as InvestorItem;
    expect(first.criteria).toHaveLength(7);
    expect(first.criteria.reduce((sum, criterion) => sum + criterion.points, 0)).toBeCloseTo(first.score, 6);
    expect(first.filters[0]?.filter).toBe('ticket');
  });

  it('shows public cards only: no contact details, no withdrawn profile', async () => {
    const all = await readAll(founder, unstored.projectId, 50);
    expect(investorIds(all)).toEqual(ids(await bruteForce(unstored)));
    const text = JSON.stringify(all);
    expect(text).not.toMatch(/secret\.example\.vn|0901234567/);
    expect(all.every((item) => !('contact' in item.investor) && !('thesisTerms' in item.investor))).toBe(
      true,
    );
    const withdrawn = new Set(
      profiles.filter((profile) => !profile.published).map((profile) => profile.investorId),
    );
    expect(all.some((item) => withdrawn.has(item.investor.investorId))).toBe(false);
  });

  it('lets officers read any published project', async () => {
    const officer = as(Role.ProgrammeOfficer);
    const all = await readAll(officer, stored.projectId, 50);
    expect(investorIds(all)).toEqual(ids(await bruteForce(stored)));
  });

  it('answers another founder, an unpublished or unknown project with a 404 problem, other roles with a 403', async () => {
    for (const [who, projectId] of [
      [stranger, stored.projectId],
      [founder, othersProject.projectId],
      [founder, withdrawnProject.projectId],
      [founder, '0190f000-0000-7000-8000-0000000000ff'],
    ] as const) {
      const response = await http()
        .get(`/api/v1/matching/projects/${projectId}/investors`)
        .set('authorization', who.auth)
        .expect(404);
      expect(response.body).toMatchObject({ status: 404, code: 'MATCH_PROJECT_NOT_FOUND' });
    }
    const investor = as(Role.Investor);
    await http()
      .get(`/api/v1/matching/projects/${stored.projectId}/investors`)
      .set('authorization', investor.auth)
      .expect(403);
    await http().get('/api/v1/me/investor-matches').set('authorization', investor.auth).expect(403);
    const bad = await http()
      .get(`/api/v1/matching/projects/${stored.projectId}/investors`)
      .set('authorization', founder.auth)
      .query({ limit: 0, cursor: 'x' })
      .expect(400);
    expect(bad.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['limit']);
  });

  it('gives a founder each published project with its five best investors', async () => {
    const response = await http()
      .get('/api/v1/me/investor-matches')
      .set('authorization', founder.auth)
      .expect(200);
    const overview = response.body as { project: { id: string }; investors: InvestorItem[] }[];
    expect(overview.map((entry) => entry.project.id).sort()).toEqual(
      [stored.projectId, unstored.projectId].sort(),
    );
    for (const entry of overview) {
      const project = entry.project.id === stored.projectId ? stored : unstored;
      expect(investorIds(entry.investors)).toEqual(ids((await bruteForce(project)).slice(0, 5)));
    }
    const none = await http()
      .get('/api/v1/me/investor-matches')
      .set('authorization', as(Role.Founder).auth)
      .expect(200);
    expect(none.body).toEqual([]);
  });
});
