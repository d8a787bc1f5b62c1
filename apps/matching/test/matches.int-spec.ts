import 'reflect-metadata';
import { jest } from '@jest/globals';
import { Role } from '@khoinghiep/contracts';
import { freshDatabase, userFactory } from '@khoinghiep/testing';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CataloguedProject } from '../src/catalogue/catalogued-project.entity.js';
import { vietnamDayOf } from '../src/common/vietnam-day.js';
import { InvestorMatchList } from '../src/match-index/investor-match-list.entity.js';
import { InvestorMatchesService } from '../src/matches/investor-matches.service.js';
import { preferencesOf, projectFactsOf } from '../src/matches/scorer-inputs.js';
import { InvestorMatch } from '../src/matches/stored-match.entity.js';
import { InvestorProfile } from '../src/profiles/investor-profile.entity.js';
import { foldTerms } from '../src/scoring/fold-terms.js';
import type { MatchWeights, ProjectFacts } from '../src/scoring/match-inputs.js';
import { prepareInvestor, prepareProject } from '../src/scoring/prepared.js';
import { randomProject, seededRandom } from '../src/scoring/random-fixtures.js';
import { compareMatches } from '../src/scoring/ranking.js';
import { scoreMatch } from '../src/scoring/score-match.js';
import { weightsInForce } from '../src/weights/weights-in-force.js';
import { startMatchingApp } from './support/matching-app.js';

// An investor's matches through the matching app in-process, on real PostgreSQL: the catalogue, the profile and the
// stored best list are written straight into the tables (as the index keeps them), then read as the investor does.
// The stored list holds only STORED best projects, so pages cross from it to scoring on demand.

jest.setTimeout(60_000);

const STORED = 5;

interface Item {
  project: { id: string; title: string; sector: string; provinceCode: string; fundingAsk: string };
  excluded: boolean;
  score: number | null;
  criteria: { criterion: string; weight: number; points: number; explanation: { vi: string; en: string } }[];
  filters: { filter: string; explanation: { vi: string; en: string } }[];
  mark: string | null;
  weightsVersionId: string;
}
interface PageBody {
  items: Item[];
  nextCursor: string | null;
}

describe('an investor’s matches over HTTP', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let as: ReturnType<typeof userFactory>;
  let http: () => ReturnType<typeof request>;
  let investor: ReturnType<ReturnType<typeof userFactory>>;
  let profile: InvestorProfile;
  let projects: CataloguedProject[];
  let unpublished: CataloguedProject;
  let computed: jest.SpiedFunction<(...args: unknown[]) => Promise<unknown>>;

  const catalogued = (facts: ProjectFacts, index: number, published = true): CataloguedProject =>
    Object.assign(new CataloguedProject(), {
      projectId: facts.projectId,
      ownerId: '0190f000-0000-7000-8000-000000000001',
      published,
      title: `Dự án ${index}`,
      summary: `Tóm tắt dự án ${index}`,
      kind: 'innovative_startup',
      sector: facts.sector,
      stage: facts.stage,
      provinceCode: facts.provinceCode,
      commune: 'Phường Buôn Ma Thuột',
      fundingAsk: String(facts.fundingAsk),
      teamSize: 4,
      targetGroups: [...facts.targetGroups],
      ocopStars: facts.ocopStars,
      certificationLevel: facts.certificationLevel,
      sharedContactFields: [],
      terms: [...facts.terms],
      trainingCompleted: facts.trainingCompleted,
      publishedAt: new Date('2026-01-05T03:00:00Z'),
      lastVersion: 3,
      lastEventType: 'projects.project.approved',
      updatedAt: new Date('2026-01-05T03:00:00Z'),
      listEntries: 0,
      listFloorScore: null,
      listFloorInvestorId: null,
      listWeightsVersionId: null,
    } satisfies CataloguedProject);

  const profileOf = (investorId: string, overrides: Partial<InvestorProfile> = {}): InvestorProfile => {
    const thesis = 'Cà phê đặc sản, nông nghiệp hữu cơ, chế biến sâu';
    return Object.assign(new InvestorProfile(), {
      investorId,
      kind: 'angel',
      displayName: 'Quỹ Đầu tư Sông Hồng',
      organisation: null,
      sectors: ['agriculture_food', 'tourism'],
      excludedSectors: ['health'],
      stages: ['early_revenue', 'growth'],
      ticketMin: '200000000',
      ticketMax: '10000000000',
      provinceCodes: ['66'],
      provincesOnly: false,
      targetGroups: ['women_led'],
      thesis,
      thesisTerms: foldTerms(thesis),
      coinvestWithState: true,
      contact: { email: 'quy@example.vn' },
      sharedContactFields: ['email'],
      published: true,
      version: 1,
      createdAt: new Date(Date.now() - 3_600_000),
      updatedAt: new Date(Date.now() - 3_600_000),
      ...overrides,
    });
  };

  /** Every published project the profile may match, scored with `weights`: what every list must equal. */
  const bruteForce = (
    of: InvestorProfile,
    weights: MatchWeights,
    keep: (p: CataloguedProject) => boolean = () => true,
  ) => {
    const prepared = prepareInvestor(preferencesOf(of));
    return projects
      .filter(keep)
      .map((project) => ({
        id: project.projectId,
        score: scoreMatch(prepared, prepareProject(projectFactsOf(project)), weights),
      }))
      .filter((match): match is { id: string; score: number } => match.score !== null)
      .sort(compareMatches);
  };

  /** Stores the best `STORED` of a profile's matches, and the list's record, as the index would. */
  const storeBest = async (of: InvestorProfile, weights: MatchWeights) => {
    const best = bruteForce(of, weights).slice(0, STORED);
    await dataSource.getRepository(InvestorMatch).delete({ investorId: of.investorId });
    await dataSource.getRepository(InvestorMatch).insert(
      best.map((match) => ({
        investorId: of.investorId,
        projectId: match.id,
        score: match.score,
        weightsVersionId: weights.versionId,
        scoredAt: new Date(),
      })),
    );
    const floor = best.at(-1);
    await dataSource.getRepository(InvestorMatchList).save({
      investorId: of.investorId,
      active: true,
      profileRevision: of.revision,
      weightsVersionId: weights.versionId,
      entries: best.length,
      floorScore: floor?.score ?? null,
      floorProjectId: floor?.id ?? null,
      updatedAt: new Date(),
    });
  };

  /** Writes a profile as the profiles service does (a new revision on every write), and reads it back. */
  const writeProfile = async (of: InvestorProfile) => {
    const { revision: _revision, ...content } = of;
    await dataSource.getRepository(InvestorProfile).upsert(content, ['investorId']);
    await dataSource.query(
      "UPDATE investor_profiles SET revision = nextval('investor_profile_revisions') WHERE investor_id = $1",
      [of.investorId],
    );
    return dataSource.getRepository(InvestorProfile).findOneByOrFail({ investorId: of.investorId });
  };

  const page = async (who: { auth: string }, query: Record<string, string | number | boolean> = {}) =>
    (await http().get('/api/v1/matching/matches').set('authorization', who.auth).query(query).expect(200))
      .body as PageBody;

  const readAll = async (who: { auth: string }, query: Record<string, string | number | boolean>) => {
    const items: Item[] = [];
    let cursor: string | null = null;
    do {
      const body: PageBody = await page(who, cursor ? { ...query, cursor } : query);
      items.push(...body.items);
      cursor = body.nextCursor;
    } while (cursor !== null);
    return items;
  };

  const ids = (items: { id: string }[]) => items.map((item) => item.id);
  const idsOf = (items: Item[]) => items.map((item) => item.project.id);

  beforeAll(async () => {
    app = await startMatchingApp(await freshDatabase('matching_matches_int'));
    dataSource = app.get(DataSource);
    as = userFactory(app);
    http = () => request(app.getHttpServer());

    const random = seededRandom(2026);
    const facts = [
      // The best fit: the investor's sector, stage, province and words.
      randomProject(random, {
        sector: 'agriculture_food',
        stage: 'growth',
        provinceCode: '66',
        fundingAsk: 1_500_000_000,
        terms: ['ca', 'phe', 'dac', 'san'],
        targetGroups: ['women_led'],
      }),
      randomProject(random, { sector: 'health', fundingAsk: 1_000_000_000 }),
      randomProject(random, { sector: 'tourism', fundingAsk: 30_000_000_000 }),
      ...Array.from({ length: 40 }, () =>
        randomProject(random, { fundingAsk: 500_000_000 + Math.floor(random() * 16) * 500_000_000 }),
      ),
    ];
    projects = facts.map((fact, index) => catalogued(fact, index));
    unpublished = catalogued(
      randomProject(random, {
        sector: 'agriculture_food',
        stage: 'growth',
        provinceCode: '66',
        fundingAsk: 900_000_000,
      }),
      99,
      false,
    );
    await dataSource.getRepository(CataloguedProject).insert([...projects, unpublished]);

    investor = as(Role.Investor, 'nha-dau-tu');
    profile = await writeProfile(profileOf(investor.user.id));
    const weights = await weightsInForce(dataSource.manager, new Date());
    await storeBest(profile, weights);
    // A stale stored row of a project since unpublished (the index removes them; reads must not rely on it).
    await dataSource.getRepository(InvestorMatch).insert({
      investorId: profile.investorId,
      projectId: unpublished.projectId,
      score: 99,
      weightsVersionId: weights.versionId,
      scoredAt: new Date(),
    });
    computed = jest.spyOn(
      InvestorMatchesService.prototype as unknown as { computed: (...args: unknown[]) => Promise<unknown> },
      'computed',
    );
  }, 90_000);

  afterAll(async () => {
    computed?.mockRestore();
    await app?.close();
  });

  const inForce = () => weightsInForce(dataSource.manager, new Date());

  describe('ranking', () => {
    it('lists published projects best first, explained criterion by criterion; the first page from the stored list', async () => {
      const expected = bruteForce(profile, await inForce());
      computed.mockClear();
      const first = await page(investor, { limit: 3 });
      expect(computed).not.toHaveBeenCalled();
      expect(idsOf(first.items)).toEqual(ids(expected.slice(0, 3)));
      expect(first.items.map((item) => item.score)).toEqual(expected.slice(0, 3).map((match) => match.score));
      const best = first.items[0] as Item;
      expect(best.project).toMatchObject({
        title: 'Dự án 0',
        sector: 'agriculture_food',
        fundingAsk: '1500000000',
      });
      expect(best.criteria.map((criterion) => criterion.criterion)).toEqual([
        'sector',
        'stage',
        'province_region',
        'target_groups',
        'ocop_certification',
        'thesis_text',
        'training',
      ]);
      expect(best.criteria[0]).toMatchObject({
        weight: 25,
        points: 25,
        explanation: { vi: 'Cùng lĩnh vực Nông nghiệp – thực phẩm', en: 'Same sector: agriculture and food' },
      });
      expect(best.criteria.reduce((sum, criterion) => sum + criterion.points, 0)).toBeCloseTo(
        best.score as number,
        6,
      );
      expect(best.filters.map((filter) => filter.filter)).toEqual(['ticket', 'excluded_sector']);
      expect(best.filters[0]?.explanation.vi).toMatch(/bao trùm số vốn cần 1,5 tỷ ₫/);
    });

    it('pages across the end of the stored list into scores computed on demand, with no repeat and no gap', async () => {
      const expected = bruteForce(profile, await inForce());
      expect(expected.length).toBeGreaterThan(STORED * 3);
      computed.mockClear();
      const all = await readAll(investor, { limit: 2 });
      expect(idsOf(all)).toEqual(ids(expected));
      expect(all.map((item) => item.score)).toEqual(expected.map((match) => match.score));
      // Pages 1 and 2 (rows 1–5, and one more each) fit in the 5 stored rows; every later page is computed.
      expect(computed).toHaveBeenCalledTimes(Math.ceil(expected.length / 2) - 2);
    });

    it('never lists a project that is not published, nor one a hard filter excludes', async () => {
      const all = await readAll(investor, { limit: 50 });
      const listed = new Set(idsOf(all));
      expect(listed.has(unpublished.projectId)).toBe(false);
      expect(all.some((item) => item.project.sector === 'health')).toBe(false);
      expect(all.some((item) => BigInt(item.project.fundingAsk) > 10_000_000_000n)).toBe(false);
    });
  });

  describe('filters', () => {
    it('narrow by sector, stage, province and ask, in the same order, across pages', async () => {
      const weights = await inForce();
      const cases: [Record<string, string>, (p: CataloguedProject) => boolean][] = [
        [
          { sector: 'tourism,agriculture_food' },
          (p) => ['tourism', 'agriculture_food'].includes(p.sector as string),
        ],
        [{ stage: 'growth' }, (p) => p.stage === 'growth'],
        [{ province: '79' }, (p) => p.provinceCode === '79'],
        [
          { ticketMin: '1000000000', ticketMax: '3000000000' },
          (p) =>
            BigInt(p.fundingAsk as string) >= 1_000_000_000n &&
            BigInt(p.fundingAsk as string) <= 3_000_000_000n,
        ],
      ];
      for (const [query, keep] of cases) {
        const expected = bruteForce(profile, weights, keep);
        expect({ query, ids: idsOf(await readAll(investor, { ...query, limit: 3 })) }).toEqual({
          query,
          ids: ids(expected),
        });
      }
    });

    it('refuses invalid values with a 400 naming each parameter', async () => {
      const cases: [Record<string, string>, string][] = [
        [{ sector: 'space' }, 'sector'],
        [{ stage: 'unicorn' }, 'stage'],
        [{ province: '99' }, 'province'],
        [{ ticketMin: 'abc' }, 'ticketMin'],
        [{ ticketMax: '-1' }, 'ticketMax'],
        [{ ticketMin: '3000000000', ticketMax: '1000000000' }, 'ticketMin'],
        [{ saved: 'yes' }, 'saved'],
        [{ limit: '0' }, 'limit'],
        [{ limit: '101' }, 'limit'],
        [{ cursor: 'not-a-cursor' }, 'cursor'],
        [{ colour: 'red' }, 'colour'],
      ];
      for (const [query, field] of cases) {
        const response = await http()
          .get('/api/v1/matching/matches')
          .set('authorization', investor.auth)
          .query(query);
        expect({ query, status: response.status }).toEqual({ query, status: 400 });
        expect({
          query,
          fields: response.body.errors.map((error: { field: string }) => error.field),
        }).toEqual({
          query,
          fields: [field],
        });
      }
    });
  });

  describe('one match', () => {
    it('explains a listed project with the score the list gives it', async () => {
      const [first] = (await page(investor, { limit: 1 })).items as [Item];
      const response = await http()
        .get(`/api/v1/matching/matches/${first.project.id}`)
        .set('authorization', investor.auth)
        .expect(200);
      expect(response.body).toMatchObject({ excluded: false, score: first.score, criteria: first.criteria });
    });

    it('says why a hard filter excludes a project, in a sentence', async () => {
      const health = projects[1] as CataloguedProject;
      const excluded = await http()
        .get(`/api/v1/matching/matches/${health.projectId}`)
        .set('authorization', investor.auth)
        .expect(200);
      expect(excluded.body).toMatchObject({
        excluded: true,
        score: null,
        criteria: [],
        filters: [
          { filter: 'excluded_sector', explanation: { vi: 'Nhà đầu tư loại trừ lĩnh vực Y tế – sức khỏe' } },
        ],
      });
      const tooBig = projects[2] as CataloguedProject;
      const overTicket = await http()
        .get(`/api/v1/matching/matches/${tooBig.projectId}`)
        .set('authorization', investor.auth)
        .expect(200);
      expect(overTicket.body).toMatchObject({ excluded: true, filters: [{ filter: 'ticket' }] });
    });

    it('is a 404 problem for a project that is not published, or unknown', async () => {
      for (const id of [unpublished.projectId, '0190f000-0000-7000-8000-0000000000ff']) {
        const response = await http()
          .get(`/api/v1/matching/matches/${id}`)
          .set('authorization', investor.auth)
          .expect(404);
        expect(response.body).toMatchObject({ status: 404, code: 'MATCH_PROJECT_NOT_FOUND' });
      }
    });
  });

  describe('saving and hiding', () => {
    const mark = (projectId: string, body: object) =>
      http().put(`/api/v1/matching/matches/${projectId}/mark`).set('authorization', investor.auth).send(body);
    const unmark = (projectId: string) =>
      http()
        .delete(`/api/v1/matching/matches/${projectId}/mark`)
        .set('authorization', investor.auth)
        .expect(200);

    it('hides a project from every page, and lists it again once unmarked', async () => {
      const expected = bruteForce(profile, await inForce());
      const top = expected[0]?.id as string;
      await mark(top, { mark: 'hidden' }).expect(200);
      expect(idsOf(await readAll(investor, { limit: 4 }))).toEqual(ids(expected.slice(1)));
      expect((await page(investor, { limit: 1 })).items[0]?.project.id).toBe(expected[1]?.id);
      expect((await unmark(top)).body).toEqual({ projectId: top, mark: null, markedAt: null });
      expect((await page(investor, { limit: 1 })).items[0]?.project.id).toBe(top);
    });

    it('saves projects: saved=true lists only them, best first; marking again changes nothing', async () => {
      const expected = bruteForce(profile, await inForce());
      const [second, tenth] = [expected[1]?.id as string, expected[9]?.id as string];
      const first = (await mark(tenth, { mark: 'saved' }).expect(200)).body;
      await mark(second, { mark: 'saved' }).expect(200);
      const again = (await mark(tenth, { mark: 'saved' }).expect(200)).body;
      expect(again).toEqual(first);
      expect(first).toMatchObject({ projectId: tenth, mark: 'saved' });
      const saved = await page(investor, { saved: true });
      expect(idsOf(saved.items)).toEqual([second, tenth]);
      expect(saved.items.map((item) => item.mark)).toEqual(['saved', 'saved']);
      expect((await page(investor, { saved: false, limit: 2 })).items[1]?.mark).toBe('saved');
      await unmark(second);
      await unmark(second);
      await unmark(tenth);
      expect((await page(investor, { saved: true })).items).toEqual([]);
      expect(
        (
          await dataSource.query('SELECT count(*)::int AS n FROM match_marks WHERE investor_id = $1', [
            investor.user.id,
          ])
        )[0].n,
      ).toBe(0);
    });

    it('refuses a mark on a project that is not published, or an unknown mark', async () => {
      const missing = await mark(unpublished.projectId, { mark: 'saved' }).expect(404);
      expect(missing.body).toMatchObject({ code: 'MATCH_PROJECT_NOT_FOUND' });
      const bad = await mark(projects[0]?.projectId as string, { mark: 'starred' }).expect(400);
      expect(bad.body.errors.map((error: { field: string }) => error.field)).toEqual(['mark']);
    });
  });

  describe('who may read', () => {
    it('refuses other roles with a 403 problem, and an investor without a published profile with a 409', async () => {
      const founder = as(Role.Founder);
      const forbidden = await http()
        .get('/api/v1/matching/matches')
        .set('authorization', founder.auth)
        .expect(403);
      expect(forbidden.headers['content-type']).toMatch(/problem\+json/);
      await http()
        .put(`/api/v1/matching/matches/${projects[0]?.projectId}/mark`)
        .set('authorization', founder.auth)
        .send({ mark: 'saved' })
        .expect(403);

      const newcomer = as(Role.Investor);
      const none = await http()
        .get('/api/v1/matching/matches')
        .set('authorization', newcomer.auth)
        .expect(409);
      expect(none.body).toMatchObject({ status: 409, code: 'INVESTOR_PROFILE_REQUIRED' });
      const withdrawn = as(Role.Investor);
      await dataSource
        .getRepository(InvestorProfile)
        .insert(profileOf(withdrawn.user.id, { published: false }));
      await http().get('/api/v1/matching/matches').set('authorization', withdrawn.auth).expect(409);
      await http()
        .get(`/api/v1/matching/matches/${projects[0]?.projectId}`)
        .set('authorization', withdrawn.auth)
        .expect(409);
    });
  });

  describe('a stored list that is out of date', () => {
    it('is not trusted once the profile changed after it was scored: the pages follow the profile as it is now', async () => {
      const other = as(Role.Investor);
      const before = await writeProfile(
        profileOf(other.user.id, { sectors: ['digital_it'], provinceCodes: ['01'] }),
      );
      const weights = await inForce();
      await storeBest(before, weights);
      computed.mockClear();
      await page(other, { limit: 2 });
      expect(computed).not.toHaveBeenCalled();

      const now = await writeProfile(
        profileOf(other.user.id, { sectors: ['handicrafts'], provinceCodes: ['79'] }),
      );
      expect(ids(bruteForce(now, weights))).not.toEqual(ids(bruteForce(before, weights)));
      expect(idsOf(await readAll(other, { limit: 4 }))).toEqual(ids(bruteForce(now, weights)));
      expect(computed).toHaveBeenCalled();
    });

    it('is not trusted while it waits for a refill (a removal left it short)', async () => {
      await dataSource.query(
        "INSERT INTO match_refills (side, owner_id, reason, enqueued_at) VALUES ('investor', $1, 'removal', now())",
        [profile.investorId],
      );
      computed.mockClear();
      const first = await page(investor, { limit: 2 });
      expect(computed).toHaveBeenCalledTimes(1);
      expect(idsOf(first.items)).toEqual(ids(bruteForce(profile, await inForce()).slice(0, 2)));
      await dataSource.query('DELETE FROM match_refills WHERE owner_id = $1', [profile.investorId]);
    });

    it('is not trusted once new weights are in force: an admin’s new version changes the scores at once', async () => {
      const old = await inForce();
      const points = {
        sector: 5,
        stage: 5,
        province_region: 5,
        target_groups: 5,
        ocop_certification: 5,
        thesis_text: 5,
        training: 70,
      };
      const before = await page(investor, { limit: 5 });
      const recorded = await http()
        .post('/api/v1/matching/weights')
        .set('authorization', as(Role.Admin).auth)
        .send({ effectiveFrom: vietnamDayOf(new Date()), reason: 'Ưu tiên dự án đã qua đào tạo', points })
        .expect(201);
      const weights = await inForce();
      expect(weights.versionId).toBe(recorded.body.id);
      const expected = bruteForce(profile, weights);
      expect(ids(expected)).not.toEqual(ids(bruteForce(profile, old)));
      const after = await readAll(investor, { limit: 5 });
      expect(idsOf(after)).toEqual(ids(expected));
      expect(after.map((item) => item.score)).toEqual(expected.map((match) => match.score));
      expect(after[0]?.weightsVersionId).toBe(recorded.body.id);
      expect(after[0]?.criteria.find((criterion) => criterion.criterion === 'training')?.weight).toBe(70);
      expect(idsOf(after.slice(0, 5))).not.toEqual(idsOf(before.items));
    });
  });
});
