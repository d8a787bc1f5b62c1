import 'reflect-metadata';
import { jest } from '@jest/globals';
import {
  InvestorProfilePublished,
  InvestorProfileUpdated,
  InvestorProfileWithdrawn,
  Role,
  TOPICS,
  validatePayload,
} from '@khoinghiep/contracts';
import { EventTap, freshDatabase, userFactory } from '@khoinghiep/testing';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startMatchingApp } from './support/matching-app.js';

// Investor profiles and their public cards against real PostgreSQL and Kafka, through the routes: create (201) and
// replace (If-Match), every invalid field refused by name with nothing written, the wrong role refused, the public
// cards searched without diacritics, filtered and paged, a withdrawn profile gone from them, and the events on
// matching.events carrying the public facts and never a contact detail.

jest.setTimeout(60_000);

type Body = Record<string, unknown>;

const profileBody = (overrides: Body = {}): Body => ({
  kind: 'venture_fund',
  displayName: 'Quỹ Đầu tư Sông Hồng',
  organisation: 'Công ty CP Quản lý quỹ Sông Hồng',
  sectors: ['agriculture_food', 'digital_it'],
  excludedSectors: ['tourism'],
  stages: ['prototype', 'early_revenue'],
  ticketMin: '500000000',
  ticketMax: '2000000000',
  provinceCodes: ['01', '24'],
  provincesOnly: false,
  targetGroups: ['women_led'],
  thesis: 'Nông nghiệp công nghệ cao và chế biến sâu nông sản vùng đồng bằng sông Hồng.',
  coinvestWithState: true,
  contact: { email: 'dautu@songhong.example.vn', phone: '0912 345 678', address: '12 Tràng Tiền, Hà Nội' },
  sharedContactFields: ['email', 'phone'],
  ...overrides,
});

interface ProfileAnswer {
  investorId: string;
  version: number;
  published: boolean;
  contact: Record<string, string>;
}

interface CardPage {
  items: ({ investorId: string } & Record<string, unknown>)[];
  nextCursor: string | null;
}

describe('investor profiles and public cards against PostgreSQL and Kafka', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let tap: EventTap;
  let as: ReturnType<typeof userFactory>;
  let http: () => ReturnType<typeof request>;

  beforeAll(async () => {
    app = await startMatchingApp(await freshDatabase('matching_profiles_int'));
    dataSource = app.get(DataSource);
    as = userFactory(app);
    http = () => request(app.getHttpServer());
    tap = new EventTap(TOPICS.matching.name);
    await tap.start();
  }, 90_000);

  afterAll(async () => {
    await tap?.stop();
    await app?.close();
  });

  const put = (auth: string, body: Body, ifMatch?: string) => {
    const call = http().put('/api/v1/matching/investors/me/profile').set('authorization', auth);
    return (ifMatch ? call.set('if-match', ifMatch) : call).send(body);
  };

  const created = async (overrides: Body = {}) => {
    const investor = as(Role.Investor);
    const response = await put(investor.auth, profileBody(overrides));
    expect(response.status).toBe(201);
    return { ...investor, profile: response.body as ProfileAnswer };
  };

  const rowsOf = async (investorId: string): Promise<number> => {
    const [row] = await dataSource.query(
      'SELECT count(*)::int AS n FROM investor_profiles WHERE investor_id = $1',
      [investorId],
    );
    return row.n;
  };

  const cards = async (query: Record<string, string | number>): Promise<CardPage> => {
    const response = await http().get('/api/v1/matching/investors').query(query);
    expect(response.status).toBe(200);
    return response.body as CardPage;
  };

  describe('an investor keeps one profile', () => {
    it('creates it with 201, Location and ETag, and reads it back with its contacts', async () => {
      const investor = as(Role.Investor);
      const response = await put(investor.auth, profileBody());
      expect(response.status).toBe(201);
      expect(response.headers.location).toBe('/api/v1/matching/investors/me/profile');
      expect(response.headers.etag).toBe('"1"');
      expect(response.body).toMatchObject({
        investorId: investor.user.id,
        version: 1,
        published: true,
        ticketMin: '500000000',
        contact: { email: 'dautu@songhong.example.vn', phone: '0912 345 678' },
        sharedContactFields: ['email', 'phone'],
      });

      const own = await http()
        .get('/api/v1/matching/investors/me/profile')
        .set('authorization', investor.auth)
        .expect(200);
      expect(own.headers.etag).toBe('"1"');
      expect(own.body).toEqual(response.body);

      const [row] = await dataSource.query(
        'SELECT thesis_terms, revision FROM investor_profiles WHERE investor_id = $1',
        [investor.user.id],
      );
      expect(row.thesis_terms).toEqual(expect.arrayContaining(['nong', 'nghiep', 'song', 'hong']));
      expect(row.thesis_terms).not.toContain('và');
    });

    it('answers 404 to an investor who has none yet', async () => {
      const { auth } = as(Role.Investor);
      const response = await http()
        .get('/api/v1/matching/investors/me/profile')
        .set('authorization', auth)
        .expect(404);
      expect(response.body.code).toBe('INVESTOR_PROFILE_NOT_FOUND');
    });

    it('replaces it only with If-Match: 428 without, 412 when stale, 200 with the version read', async () => {
      const { auth, user } = await created();
      const changed = profileBody({ ticketMax: '3000000000' });
      expect((await put(auth, changed)).body).toMatchObject({
        status: 428,
        code: 'INVESTOR_PROFILE_VERSION_REQUIRED',
      });
      const stale = await put(auth, changed, '"7"');
      expect(stale.status).toBe(412);
      expect(stale.body).toMatchObject({
        code: 'INVESTOR_PROFILE_VERSION_STALE',
        expectedVersion: 7,
        currentVersion: 1,
      });
      expect((await put(auth, changed, 'not-a-version')).body.code).toBe('INVESTOR_PROFILE_VERSION_INVALID');

      const replaced = await put(auth, changed, '"1"');
      expect(replaced.status).toBe(200);
      expect(replaced.headers.location).toBeUndefined();
      expect(replaced.headers.etag).toBe('"2"');
      expect(replaced.body).toMatchObject({ version: 2, ticketMax: '3000000000' });

      // The same content again changes nothing: same version, same revision.
      const [before] = await dataSource.query(
        'SELECT revision FROM investor_profiles WHERE investor_id = $1',
        [user.id],
      );
      const again = await put(auth, changed, '"2"');
      expect(again.status).toBe(200);
      expect(again.body.version).toBe(2);
      const [after] = await dataSource.query(
        'SELECT revision FROM investor_profiles WHERE investor_id = $1',
        [user.id],
      );
      expect(after.revision).toBe(before.revision);
    });

    it('takes a new revision from the sequence with every change', async () => {
      const { auth, user } = await created();
      const revision = async () =>
        BigInt(
          (
            await dataSource.query('SELECT revision FROM investor_profiles WHERE investor_id = $1', [user.id])
          )[0].revision,
        );
      const first = await revision();
      expect((await put(auth, profileBody({ thesis: 'Công nghệ số.' }), '"1"')).status).toBe(200);
      expect(await revision()).toBeGreaterThan(first);
    });

    it('refuses If-Match on a profile that does not exist yet (412), writing nothing', async () => {
      const { auth, user } = as(Role.Investor);
      const response = await put(auth, profileBody(), '"3"');
      expect(response.status).toBe(412);
      expect(response.body).toMatchObject({ code: 'INVESTOR_PROFILE_VERSION_STALE', currentVersion: 0 });
      expect(await rowsOf(user.id)).toBe(0);
    });

    it('lets one of two concurrent replacements of the same version through; the other gets 412', async () => {
      const { auth } = await created();
      const results = await Promise.all([
        put(auth, profileBody({ ticketMax: '2500000000' }), '"1"'),
        put(auth, profileBody({ ticketMax: '2600000000' }), '"1"'),
      ]);
      expect(results.map((response) => response.status).sort()).toEqual([200, 412]);
    });

    it('creates once when two first PUTs race: the other is a replacement and needs If-Match (428)', async () => {
      const { auth, user } = as(Role.Investor);
      const results = await Promise.all([put(auth, profileBody()), put(auth, profileBody())]);
      expect(results.map((response) => response.status).sort()).toEqual([201, 428]);
      expect(await rowsOf(user.id)).toBe(1);
    });
  });

  describe('refuses', () => {
    it.each([
      ['an unknown kind', { kind: 'bank' }, 'kind'],
      ['a display name of one letter', { displayName: 'Q' }, 'displayName'],
      ['an unknown sector', { sectors: ['mining'] }, 'sectors'],
      ['a sector both wanted and excluded', { excludedSectors: ['digital_it'] }, 'excludedSectors'],
      ['a stage twice', { stages: ['idea', 'idea'] }, 'stages'],
      ['a ticket as a JSON number', { ticketMin: 500000000 }, 'ticketMin'],
      ['a ticket with a fraction', { ticketMax: '2000000000.5' }, 'ticketMax'],
      ['a largest ticket below the smallest', { ticketMin: '3000000000' }, 'ticketMax'],
      ['a province that does not exist since 2025', { provinceCodes: ['02'] }, 'provinceCodes'],
      ['provinces only without any province', { provinceCodes: [], provincesOnly: true }, 'provincesOnly'],
      ['no provincesOnly', { provincesOnly: undefined }, 'provincesOnly'],
      ['an unknown target group', { targetGroups: ['retirees'] }, 'targetGroups'],
      ['a thesis over 4000 characters', { thesis: 'đ'.repeat(4001) }, 'thesis'],
      ['a missing co-investment answer', { coinvestWithState: undefined }, 'coinvestWithState'],
      ['no contact', { contact: undefined }, 'contact'],
      ['contact as a list', { contact: [] }, 'contact'],
      ['an e-mail that is not one', { contact: { email: 'dautu-at-songhong' } }, 'contact.email'],
      ['a phone that is not a telephone number', { contact: { phone: '12345' } }, 'contact.phone'],
      ['a website without http(s)', { contact: { website: 'songhong.vn' } }, 'contact.website'],
      ['an unknown contact field', { contact: { fax: '024 3826 1234' } }, 'contact.fax'],
      [
        'a shared contact field left empty',
        { contact: { email: 'dautu@songhong.example.vn' }, sharedContactFields: ['email', 'phone'] },
        'sharedContactFields',
      ],
      [
        'a shared contact field sent as null',
        { contact: { email: 'dautu@songhong.example.vn', phone: null }, sharedContactFields: ['phone'] },
        'sharedContactFields',
      ],
      [
        'a shared field that is not a contact field',
        { sharedContactFields: ['bank_account'] },
        'sharedContactFields',
      ],
      ['published as text', { published: 'yes' }, 'published'],
      ['a field the profile does not have', { thesisTerms: ['x'] }, 'thesisTerms'],
    ])('%s with 400 naming the field, writing nothing', async (_case, overrides, field) => {
      const { auth, user } = as(Role.Investor);
      const response = await put(auth, profileBody(overrides)).set('accept-language', 'en');
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
      expect(await rowsOf(user.id)).toBe(0);
    });

    it('a replacement that breaks a rule, leaving the stored profile as it was', async () => {
      const { auth, user } = await created();
      const response = await put(auth, profileBody({ ticketMin: '9000000000' }), '"1"');
      expect(response.status).toBe(400);
      expect(response.body.errors[0]).toMatchObject({ field: 'ticketMax' });
      const [row] = await dataSource.query(
        'SELECT version, ticket_min FROM investor_profiles WHERE investor_id = $1',
        [user.id],
      );
      expect(row).toEqual({ version: 1, ticket_min: '500000000' });
    });

    it.each([Role.Founder, Role.ProgrammeOfficer, Role.Admin])(
      'a profile to a %s (403), and their reading one',
      async (role) => {
        const { auth, user } = as(role);
        const response = await put(auth, profileBody());
        expect(response.status).toBe(403);
        expect(response.body.code).toBe('FORBIDDEN_ROLE');
        expect(await rowsOf(user.id)).toBe(0);
        await http().get('/api/v1/matching/investors/me/profile').set('authorization', auth).expect(403);
      },
    );

    it('an anonymous PUT (401)', async () => {
      await http().put('/api/v1/matching/investors/me/profile').send(profileBody()).expect(401);
    });

    it('in the database itself: a sector wanted and excluded, a shared contact left empty, an unknown province', async () => {
      const { user } = await created();
      const update = (set: string) =>
        dataSource.query(`UPDATE investor_profiles SET ${set} WHERE investor_id = $1`, [user.id]);
      await expect(update("excluded_sectors = '{digital_it}'")).rejects.toThrow(
        /CHK_investor_profiles_sectors_not_excluded/,
      );
      await expect(update('contact = \'{"email": "a@b.vn"}\'')).rejects.toThrow(
        /CHK_investor_profiles_shared_contact_filled/,
      );
      await expect(update("province_codes = '{02}'")).rejects.toThrow(/CHK_investor_profiles_province_codes/);
      await expect(update("provinces_only = true, province_codes = '{}'")).rejects.toThrow(
        /CHK_investor_profiles_provinces_only/,
      );
    });
  });

  describe('public cards', () => {
    const ids: Record<string, string> = {};
    const mine = (page: CardPage) =>
      page.items.map((item) => item.investorId).filter((id) => Object.values(ids).includes(id));
    const named = (...names: string[]) => names.map((name) => ids[name]);

    beforeAll(async () => {
      ids.songHong = (await created()).user.id;
      ids.angel = (
        await created({
          kind: 'angel',
          displayName: 'Nhà đầu tư thiên thần Cửu Long',
          organisation: undefined,
          sectors: [],
          excludedSectors: ['tourism'],
          stages: ['idea'],
          ticketMin: '50000000',
          ticketMax: '300000000',
          provinceCodes: [],
          targetGroups: ['student'],
          thesis: 'Khởi nghiệp của sinh viên trong công nghệ số và giáo dục.',
        })
      ).user.id;
      ids.enterprise = (
        await created({
          kind: 'enterprise',
          displayName: 'Tập đoàn Thực phẩm Phương Nam',
          organisation: 'Công ty CP Thực phẩm Phương Nam',
          sectors: ['agriculture_food', 'manufacturing'],
          excludedSectors: [],
          stages: [],
          ticketMin: '1000000000',
          ticketMax: '10000000000',
          provinceCodes: ['79'],
          provincesOnly: true,
          thesis: 'Chế biến nông sản xuất khẩu, chuỗi lạnh.',
        })
      ).user.id;
      ids.withdrawn = (
        await created({ displayName: 'Quỹ Sông Hồng Hai', published: false, thesis: 'Sông Hồng.' })
      ).user.id;
    });

    it.each([
      ['without diacritics', 'quy dau tu song hong'],
      ['with diacritics', 'Quỹ Đầu tư Sông Hồng'],
      ['in capitals', 'QUỸ ĐẦU TƯ'],
      ['as a prefix while typing', 'quy dau t'],
      ['by organisation', 'quan ly quy'],
      ['by thesis', 'che bien sau nong san'],
    ])('finds "Quỹ Đầu tư Sông Hồng" %s, without signing in', async (_case, q) => {
      expect(mine(await cards({ q, limit: 100 }))).toEqual(named('songHong'));
    });

    it('finds a name despite a typo (trigrams), and never a profile that is not published', async () => {
      expect(mine(await cards({ q: 'tap doan phuongg', limit: 100 }))).toEqual(named('enterprise'));
      expect(mine(await cards({ q: 'song hong hai', limit: 100 }))).toEqual([]);
    });

    it.each([
      ['kind', { kind: 'angel' }, ['angel']],
      [
        'a sector looked for (any sector counts, an excluded one never)',
        { sector: 'digital_it' },
        ['songHong', 'angel'],
      ],
      ['an excluded sector', { sector: 'tourism' }, []],
      ['a stage (no stage named: any)', { stage: 'idea' }, ['angel', 'enterprise']],
      ['a province (nationwide investors included)', { provinceCode: '79' }, ['angel', 'enterprise']],
      ['a project ask the ticket covers', { ticket: '1500000000' }, ['songHong', 'enterprise']],
      [
        'everything at once',
        { sector: 'agriculture_food', provinceCode: '01', ticket: '200000000' },
        ['angel'],
      ],
    ] as const)('filters by %s', async (_case, filter, expected) => {
      const found = mine(await cards({ ...filter, limit: 100 }));
      expect([...found].sort()).toEqual(named(...expected).sort());
    });

    it('shows the public facts and never contacts, folded words or the version', async () => {
      const card = await http().get(`/api/v1/matching/investors/${ids.songHong}`).expect(200);
      expect(card.body).toMatchObject({
        investorId: ids.songHong,
        kind: 'venture_fund',
        displayName: 'Quỹ Đầu tư Sông Hồng',
        excludedSectors: ['tourism'],
        ticketMin: '500000000',
        ticketMax: '2000000000',
        sharedContactFields: ['email', 'phone'],
      });
      for (const hidden of ['contact', 'thesisTerms', 'version', 'published', 'revision'])
        expect(card.body).not.toHaveProperty(hidden);
      expect(JSON.stringify(card.body)).not.toContain('dautu@songhong.example.vn');
      const listed = (await cards({ q: 'quy dau tu song hong', limit: 100 })).items.find(
        (item) => item.investorId === ids.songHong,
      );
      expect(listed).toEqual(card.body);
    });

    it('answers 404 for an unknown investor and for a profile that is not published', async () => {
      for (const investorId of [ids.withdrawn, '0190c7a2-0000-7000-8000-000000000000']) {
        const response = await http().get(`/api/v1/matching/investors/${investorId}`).expect(404);
        expect(response.body.code).toBe('INVESTOR_PROFILE_NOT_FOUND');
      }
    });

    it('pages with a cursor in a stable order, newest profile first, without repeats or gaps', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: CardPage = await cards({ limit: 2, ...(cursor ? { cursor } : {}) });
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((item) => item.investorId));
        cursor = page.nextCursor;
      } while (cursor);
      const expected = await dataSource.query(
        'SELECT investor_id FROM investor_profiles WHERE published ORDER BY created_at DESC, investor_id DESC',
      );
      expect(seen).toEqual(expected.map((row: { investor_id: string }) => row.investor_id));
      expect(seen).not.toContain(ids.withdrawn);
    });

    it('refuses a cursor it did not issue, and an unknown filter value, naming the field', async () => {
      const bad = await http().get('/api/v1/matching/investors').query({ cursor: 'bm9wZQ' }).expect(400);
      expect(bad.body.errors[0].field).toBe('cursor');
      const province = await http()
        .get('/api/v1/matching/investors')
        .query({ provinceCode: '02' })
        .expect(400);
      expect(province.body.errors[0].field).toBe('provinceCode');
      const ticket = await http().get('/api/v1/matching/investors').query({ ticket: '-5' }).expect(400);
      expect(ticket.body.errors[0].field).toBe('ticket');
    });

    it('drops a withdrawn profile from the cards at once; its owner still reads it', async () => {
      const investor = await created({ displayName: 'Quỹ Hạt Giống Tây Nguyên', thesis: 'Cà phê, hồ tiêu.' });
      expect((await cards({ q: 'hat giong tay nguyen' })).items.map((item) => item.investorId)).toEqual([
        investor.user.id,
      ]);
      await put(
        investor.auth,
        profileBody({ displayName: 'Quỹ Hạt Giống Tây Nguyên', published: false }),
        '"1"',
      ).expect(200);
      expect((await cards({ q: 'hat giong tay nguyen' })).items).toEqual([]);
      await http().get(`/api/v1/matching/investors/${investor.user.id}`).expect(404);
      const own = await http()
        .get('/api/v1/matching/investors/me/profile')
        .set('authorization', investor.auth)
        .expect(200);
      expect(own.body).toMatchObject({ published: false, version: 2 });
    });

    it('uses the search indexes on the columns the trigger keeps, and the partial index for the list', async () => {
      const plan = await dataSource.transaction(async (manager) => {
        await manager.query('SET LOCAL enable_seqscan = off');
        const explain = (sql: string) =>
          manager
            .query(`EXPLAIN ${sql}`)
            .then((rows: Record<string, string>[]) => rows.map((row) => Object.values(row)[0]).join('\n'));
        return [
          await explain(`SELECT investor_id FROM investor_profiles p WHERE
             p.search_document @@ to_tsquery('simple', f_unaccent('quy & dau:*'))
             OR p.name_folded %> lower(f_unaccent('quy dau'))`),
          await explain(
            'SELECT investor_id FROM investor_profiles WHERE published ORDER BY created_at DESC, investor_id DESC LIMIT 21',
          ),
        ].join('\n');
      });
      expect(plan).toMatch(/IDX_investor_profiles_search_document/);
      expect(plan).toMatch(/IDX_investor_profiles_name_trigram/);
      expect(plan).toMatch(/IDX_investor_profiles_cards/);
    });
  });

  describe('events on matching.events', () => {
    it('published, updated, withdrawn and published again, each once, keyed by the investor, without contacts', async () => {
      const investor = await created();
      const id = investor.user.id;
      const replace = async (version: number, overrides: Body) =>
        expect((await put(investor.auth, profileBody(overrides), `"${version}"`)).status).toBe(200);
      const newEmail = { contact: { email: 'moi@songhong.example.vn' }, sharedContactFields: ['email'] };
      await replace(1, { stages: ['growth'] });
      // Only contacts change: a new version, no event (contacts never travel on the topic).
      await replace(2, { stages: ['growth'], ...newEmail });
      await replace(3, { stages: ['growth'], ...newEmail, published: false });
      // Changes while withdrawn tell no one.
      await replace(4, { stages: ['idea'], ...newEmail, published: false });
      await replace(5, { stages: ['idea'], ...newEmail });

      const events = await tap.waitFor(id, 4);
      expect(
        events.map((event) => [event.envelope.type, (event.envelope.payload as { version: number }).version]),
      ).toEqual([
        [InvestorProfilePublished.type, 1],
        [InvestorProfileUpdated.type, 2],
        [InvestorProfileWithdrawn.type, 4],
        [InvestorProfilePublished.type, 6],
      ]);
      const contracts = [InvestorProfilePublished, InvestorProfileUpdated, InvestorProfileWithdrawn];
      for (const event of events) {
        expect(event.key).toBe(id);
        expect(event.envelope).toMatchObject({
          version: 1,
          aggregateType: 'investor_profile',
          aggregateId: id,
          actor: { userId: id, roles: [Role.Investor] },
        });
        const contract = contracts.find((candidate) => candidate.type === event.envelope.type);
        expect(contract && validatePayload<object>(contract, event.envelope.payload).ok).toBe(true);
        expect(Object.keys(event.envelope.payload as object).sort()).toEqual(
          [
            'coinvestWithState',
            'displayName',
            'excludedSectors',
            'investorId',
            'kind',
            'organisation',
            'provinceCodes',
            'provincesOnly',
            'sectors',
            'stages',
            'targetGroups',
            'ticketMax',
            'ticketMin',
            'version',
          ].sort(),
        );
        expect(JSON.stringify(event.envelope)).not.toMatch(/songhong\.example\.vn|0912 345 678|Tràng Tiền/);
      }
      expect(events[1]?.envelope.payload).toMatchObject({ stages: ['growth'], ticketMin: '500000000' });
      expect(new Set(events.map((event) => event.partition)).size).toBe(1);
    });

    it('announces nothing for a profile created unpublished, nor for a refused change', async () => {
      const hidden = await created({ published: false });
      const refused = await created();
      await put(refused.auth, profileBody({ sectors: ['tourism'] }), '"1"').expect(400);
      await tap.waitFor(refused.user.id, 1);
      await tap.readToEnd();
      expect(tap.of(hidden.user.id)).toEqual([]);
      expect(tap.of(refused.user.id).map((event) => event.envelope.type)).toEqual([
        InvestorProfilePublished.type,
      ]);
    });
  });
});
