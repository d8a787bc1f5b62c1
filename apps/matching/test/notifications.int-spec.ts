import 'reflect-metadata';
import { jest } from '@jest/globals';
import { AccessTokenService, type AuthenticatedUser } from '@khoinghiep/auth';
import { type EventEnvelope, Role, TOPICS } from '@khoinghiep/contracts';
import { envelopeOf, eventually, freshDatabase, sendEvent, userFactory } from '@khoinghiep/testing';
import type { INestApplication } from '@nestjs/common';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { searchesPassedBy } from '../src/saved-searches/searches-passed.js';
import { startMatchingApp } from './support/matching-app.js';

// Saved searches and notifications in the matching app, in-process against real PostgreSQL and the real Kafka
// broker, its consumer running: events are put on `projects.events`, `matching.events` and `funding.events` as
// the services' relays put them, and what each user would see at /me/notifications is read through the routes.

jest.setTimeout(120_000);

const BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

type SignedIn = { user: AuthenticatedUser; auth: string };

describe('saved searches and notifications against PostgreSQL and Kafka', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let producer: Producer;
  let http: () => ReturnType<typeof request>;
  let as: (role: Role) => SignedIn;

  beforeAll(async () => {
    app = await startMatchingApp(await freshDatabase('matching_notifications_int'), { consumeEvents: true });
    dataSource = app.get(DataSource);
    http = () => request(app.getHttpServer());
    as = userFactory(app);
    producer = new Kafka({
      clientId: 'notifications-itest',
      brokers: BROKERS,
      logLevel: logLevel.NOTHING,
    }).producer();
    await producer.connect();
  }, 90_000);

  afterAll(async () => {
    await producer?.disconnect();
    await app?.close();
  });

  // ---- events, as the services' relays put them on their topics ----

  const send = (topic: string, type: string, aggregateType: string, aggregateId: string, payload: object) =>
    sendEvent(producer, topic, envelopeOf(type, { type: aggregateType, id: aggregateId }, payload));

  const resend = (topic: string, envelope: EventEnvelope) => sendEvent(producer, topic, envelope);

  /** Resolves once the app has applied the event (its inbox row committed with its effects). */
  const handled = (envelope: EventEnvelope) =>
    eventually(`event ${envelope.type} ${envelope.id} handled`, async () => {
      const [row] = await dataSource.query('SELECT 1 FROM inbox_event WHERE event_id = $1', [envelope.id]);
      return row !== undefined;
    });

  const approval = (projectId: string, version: number, overrides: object = {}) => ({
    projectId,
    ownerId: uuidv7(),
    version,
    title: 'Cà phê đặc sản Buôn Ma Thuột',
    summary: 'Rang xay cà phê Robusta đặc sản, truy xuất nguồn gốc.',
    kind: 'rural_industry',
    sector: 'agriculture_food',
    stage: 'early_revenue',
    provinceCode: '66',
    commune: 'Phường Buôn Ma Thuột',
    fundingAsk: '1500000000',
    teamSize: 6,
    targetGroups: ['women_led'],
    ocopStars: null,
    certificationLevel: null,
    website: null,
    sharedContactFields: [],
    publishedAt: new Date().toISOString(),
    reviewerId: uuidv7(),
    comment: null,
    ...overrides,
  });

  const approve = (projectId: string, version: number, overrides: object = {}) =>
    send(
      TOPICS.projects.name,
      'projects.project.approved',
      'project',
      projectId,
      approval(projectId, version, overrides),
    );

  /**
   * An investor with a profile: agriculture and food, early revenue, Đắk Lắk, women-led, a coffee thesis, asks of
   * 500 million to 5 billion. Against the project of `approval` (and the seeded weights) that scores 80: sector 25,
   * stage 15, province 15, target groups 10, thesis 15 (five of its words), no OCOP or training.
   */
  const investorWithProfile = async (published = true): Promise<SignedIn> => {
    const investor = as(Role.Investor);
    await dataSource.query(
      `INSERT INTO investor_profiles (investor_id, kind, display_name, organisation, sectors, excluded_sectors,
         stages, ticket_min, ticket_max, province_codes, provinces_only, target_groups, thesis, thesis_terms,
         coinvest_with_state, contact, shared_contact_fields, published, version, created_at, updated_at)
       VALUES ($1, 'angel', 'Nguyễn Thị Lan', NULL, '{agriculture_food}', '{}', '{early_revenue}', 500000000,
         5000000000, '{66}', false, '{women_led}', 'Cà phê đặc sản Robusta', '{ca,phe,dac,san,robusta}', true,
         '{"email": "lan@quy.vn", "phone": "0912345678"}', '{email}', $2, 1, now(), now())`,
      [investor.user.id, published],
    );
    return investor;
  };

  /** The user an event names, signed in (the factory makes new users; events name existing ones). */
  const signedInAs = (id: string, role: Role): SignedIn => {
    const user: AuthenticatedUser = { id, email: `${id}@itest.khoinghiep.vn`, name: role, roles: [role] };
    return { user, auth: `Bearer ${app.get(AccessTokenService).issue(user).accessToken}` };
  };

  const saveSearch = (who: SignedIn, body: object) =>
    http().post('/api/v1/matching/saved-searches').set('Authorization', who.auth).send(body);

  const savedSearch = async (who: SignedIn, body: object): Promise<string> => {
    const saved = await saveSearch(who, { name: 'Cà phê Tây Nguyên', filters: {}, ...body });
    expect(saved.status).toBe(201);
    return saved.body.id as string;
  };

  const notificationsOf = async (who: SignedIn, query: Record<string, string> = {}) => {
    const page = await http().get('/api/v1/me/notifications').query(query).set('Authorization', who.auth);
    expect(page.status).toBe(200);
    return page.body.items as {
      id: string;
      kind: string;
      title: { vi: string; en: string };
      text: { vi: string; en: string };
      link: string;
      readAt: string | null;
    }[];
  };

  const unreadCount = async (who: SignedIn) => {
    const count = await http().get('/api/v1/me/notifications/unread-count').set('Authorization', who.auth);
    expect(count.status).toBe(200);
    return count.body.unread as number;
  };

  describe('saved searches', () => {
    it('are saved with their defaults, listed newest first for their investor only, and deleted', async () => {
      const investor = as(Role.Investor);
      const first = await saveSearch(investor, {
        name: 'Cà phê Tây Nguyên',
        filters: {
          sectors: ['agriculture_food'],
          provinceCodes: ['66', '68'],
          ticket: { max: '2000000000' },
        },
      });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        name: 'Cà phê Tây Nguyên',
        filters: {
          sectors: ['agriculture_food'],
          stages: [],
          provinceCodes: ['66', '68'],
          ticket: { min: null, max: '2000000000' },
          q: null,
        },
        minScore: 50,
        notify: true,
      });
      const second = await savedSearch(investor, {
        name: 'Du lịch',
        filters: { q: 'du lịch' },
        minScore: 70,
      });
      const other = as(Role.Investor);
      await savedSearch(other, { name: 'Của người khác' });

      const mine = await http().get('/api/v1/matching/saved-searches').set('Authorization', investor.auth);
      expect(mine.status).toBe(200);
      expect(mine.body.map((search: { id: string }) => search.id)).toEqual([second, first.body.id]);

      const notYours = await http()
        .delete(`/api/v1/matching/saved-searches/${second}`)
        .set('Authorization', other.auth);
      expect(notYours.status).toBe(404);
      expect(notYours.body.code).toBe('SAVED_SEARCH_NOT_FOUND');

      const deleted = await http()
        .delete(`/api/v1/matching/saved-searches/${second}`)
        .set('Authorization', investor.auth);
      expect(deleted.status).toBe(200);
      expect(deleted.body).toMatchObject({ id: second, filters: { q: 'du lịch' }, minScore: 70 });
      const after = await http().get('/api/v1/matching/saved-searches').set('Authorization', investor.auth);
      expect(after.body.map((search: { id: string }) => search.id)).toEqual([first.body.id]);
    });

    it('refuses invalid bodies with 400 naming each field, and writes nothing', async () => {
      const investor = as(Role.Investor);
      const cases: [object, string][] = [
        [{ filters: {} }, 'name'],
        [{ name: 'x', filters: {}, minScore: 101 }, 'minScore'],
        [{ name: 'x', filters: {}, minScore: 50.5 }, 'minScore'],
        [{ name: 'x', filters: {}, notify: 'yes' }, 'notify'],
        [{ name: 'x' }, 'filters'],
        [{ name: 'x', filters: { sectors: ['space'] } }, 'filters.sectors'],
        [{ name: 'x', filters: { provinceCodes: ['99'] } }, 'filters.provinceCodes'],
        [{ name: 'x', filters: { ticket: { min: 5 } } }, 'filters.ticket.min'],
        [{ name: 'x', filters: { ticket: { min: '2000000000', max: '1000000000' } } }, 'filters.ticket.max'],
        [{ name: 'x', filters: { q: 'và của' } }, 'filters.q'],
        [{ name: 'x', filters: { colour: 'red' } }, 'filters.colour'],
      ];
      for (const [body, field] of cases) {
        const refused = await saveSearch(investor, body);
        expect({ field, status: refused.status, code: refused.body.code }).toEqual({
          field,
          status: 400,
          code: 'VALIDATION_FAILED',
        });
        expect(refused.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      }
      const [{ n }] = await dataSource.query(
        'SELECT count(*)::int AS n FROM saved_searches WHERE investor_id = $1',
        [investor.user.id],
      );
      expect(n).toBe(0);
    });

    it('are for investors only: a founder or an officer is refused with 403', async () => {
      for (const role of [Role.Founder, Role.ProgrammeOfficer]) {
        const refused = await saveSearch(as(role), { name: 'Cà phê', filters: {} });
        expect(refused.status).toBe(403);
        const listed = await http()
          .get('/api/v1/matching/saved-searches')
          .set('Authorization', as(role).auth);
        expect(listed.status).toBe(403);
      }
    });

    it('are capped at 20 per investor by the database, even when saved at once', async () => {
      const investor = as(Role.Investor);
      for (let i = 0; i < 17; i++) await savedSearch(investor, { name: `Tìm kiếm ${i}` });
      const racing = await Promise.all(
        Array.from({ length: 6 }, (_, i) => saveSearch(investor, { name: `Cùng lúc ${i}`, filters: {} })),
      );
      expect(racing.map((response) => response.status).sort()).toEqual([201, 201, 201, 409, 409, 409]);
      const refused = racing.find((response) => response.status === 409);
      expect(refused?.body).toMatchObject({ code: 'SAVED_SEARCH_LIMIT', limit: 20 });
      const [{ n }] = await dataSource.query(
        'SELECT count(*)::int AS n FROM saved_searches WHERE investor_id = $1',
        [investor.user.id],
      );
      expect(n).toBe(20);
      // Deleting one makes room for one.
      const mine = await http().get('/api/v1/matching/saved-searches').set('Authorization', investor.auth);
      await http()
        .delete(`/api/v1/matching/saved-searches/${mine.body[0].id}`)
        .set('Authorization', investor.auth)
        .expect(200);
      await savedSearch(investor, { name: 'Thay thế' });
    });

    it('are found for a project through the filter-keys index, not by reading every search', async () => {
      const { manager } = dataSource;
      const [sql, parameters] = searchesPassedBy(manager, {
        sector: 'agriculture_food',
        stage: 'early_revenue',
        provinceCode: '66',
        fundingAsk: '1500000000',
        terms: ['ca', 'phe'],
      }).getQueryAndParameters();
      const plan = await dataSource.transaction(async (tx) => {
        await tx.query('SET LOCAL enable_seqscan = off');
        return tx.query(`EXPLAIN ${sql}`, parameters);
      });
      expect(JSON.stringify(plan)).toContain('IDX_saved_searches_filter_keys');
    });
  });

  describe('a newly published project and saved searches', () => {
    it('notifies once per search it passes and scores, and not for searches it fails or scores below', async () => {
      const investor = await investorWithProfile();
      const passes = await savedSearch(investor, {
        name: 'Cà phê Tây Nguyên',
        filters: {
          sectors: ['agriculture_food', 'tourism'],
          stages: ['early_revenue'],
          provinceCodes: ['66'],
          ticket: { min: '1000000000', max: '2000000000' },
          q: 'ca phe',
        },
        minScore: 80,
      });
      await savedSearch(investor, { name: 'Điểm cao', filters: {}, minScore: 81 });
      await savedSearch(investor, { name: 'Du lịch', filters: { sectors: ['tourism'] }, minScore: 0 });
      await savedSearch(investor, { name: 'Hà Nội', filters: { provinceCodes: ['01'] }, minScore: 0 });
      await savedSearch(investor, { name: 'Tăng trưởng', filters: { stages: ['growth'] }, minScore: 0 });
      await savedSearch(investor, {
        name: 'Vốn nhỏ',
        filters: { ticket: { max: '1000000000' } },
        minScore: 0,
      });
      await savedSearch(investor, { name: 'Chè', filters: { q: 'chè Thái Nguyên' }, minScore: 0 });
      await savedSearch(investor, { name: 'Im lặng', filters: {}, minScore: 0, notify: false });

      const projectId = uuidv7();
      await handled(await approve(projectId, 3));

      const received = await notificationsOf(investor);
      expect(received).toHaveLength(1);
      expect(received[0]).toMatchObject({
        kind: 'saved_search_match',
        title: { vi: 'Dự án mới phù hợp với tìm kiếm «Cà phê Tây Nguyên»' },
        text: {
          vi: 'Dự án «Cà phê đặc sản Buôn Ma Thuột» (Tỉnh Đắk Lắk) vừa được công bố, điểm phù hợp 80/100.',
          en: '«Cà phê đặc sản Buôn Ma Thuột» (Dak Lak) was just published; match score 80/100.',
        },
        link: `/projects/${projectId}`,
        readAt: null,
      });
      const [row] = await dataSource.query('SELECT subject FROM notifications WHERE id = $1', [
        received[0]?.id,
      ]);
      expect(row.subject).toBe(`saved_search:${passes}:project:${projectId}`);
    });

    it('notifies nobody whose profile is unpublished or whose hard filters exclude the project', async () => {
      const hidden = await investorWithProfile(false);
      await savedSearch(hidden, { filters: {}, minScore: 0 });
      const noProfile = as(Role.Investor);
      await savedSearch(noProfile, { filters: {}, minScore: 0 });
      const investor = await investorWithProfile();
      await savedSearch(investor, { filters: {}, minScore: 0 });

      // Asks 6 billion: above every profile's ticket (500 million to 5 billion), so the scorer excludes it.
      await handled(await approve(uuidv7(), 2, { fundingAsk: '6000000000' }));
      expect(await notificationsOf(hidden)).toEqual([]);
      expect(await notificationsOf(noProfile)).toEqual([]);
      expect(await notificationsOf(investor)).toEqual([]);
    });

    it('never notifies twice for a search and a project: not on a replayed event, not on republication', async () => {
      const investor = await investorWithProfile();
      await savedSearch(investor, { filters: { sectors: ['agriculture_food'] } });
      const projectId = uuidv7();
      const first = await approve(projectId, 3);
      await handled(first);
      expect(await notificationsOf(investor)).toHaveLength(1);

      // Same key, same partition: once the republication is handled, the replay before it has been read.
      await resend(TOPICS.projects.name, first);
      await handled(await approve(projectId, 5, { title: 'Cà phê Robusta Buôn Ma Thuột' }));
      const after = await notificationsOf(investor);
      expect(after).toHaveLength(1);
      expect(after[0]?.text.vi).toContain('«Cà phê đặc sản Buôn Ma Thuột»');
    });

    it('notifies nobody of an approval older than what matching knows of the project (a late delivery)', async () => {
      const investor = await investorWithProfile();
      await savedSearch(investor, { filters: {}, minScore: 0 });
      const projectId = uuidv7();
      await dataSource.query(
        `INSERT INTO catalogued_projects (project_id, owner_id, published, target_groups, shared_contact_fields,
           terms, last_version, last_event_type, updated_at)
         VALUES ($1, $2, false, '{}', '{}', '{}', 5, 'projects.project.unpublished', now())`,
        [projectId, uuidv7()],
      );
      await handled(await approve(projectId, 4));
      expect(await notificationsOf(investor)).toEqual([]);
    });
  });

  describe('interests, answers and introductions', () => {
    const interestFacts = () => ({
      interestId: uuidv7(),
      projectId: uuidv7(),
      projectOwnerId: as(Role.Founder).user.id,
      projectTitle: 'Gốm Bát Tràng thủ công',
      investorId: as(Role.Investor).user.id,
      investorName: 'Trần Văn Minh (Quỹ Hồng Hà)',
    });

    it('tell the founder of an interest, the investor of the answer, and both of the introduction', async () => {
      const facts = interestFacts();
      const founder = signedInAs(facts.projectOwnerId, Role.Founder);
      const investor = signedInAs(facts.investorId, Role.Investor);
      await handled(
        await send(TOPICS.matching.name, 'matching.interest.expressed', 'interest', facts.interestId, {
          ...facts,
          message: 'Chúng tôi muốn tìm hiểu thêm về dự án, số của tôi là 0912345678.',
          expressedAt: new Date().toISOString(),
        }),
      );
      const toFounder = await notificationsOf(founder);
      expect(toFounder).toEqual([
        expect.objectContaining({
          kind: 'interest_expressed',
          title: { vi: 'Nhà đầu tư quan tâm đến dự án «Gốm Bát Tràng thủ công»', en: expect.any(String) },
          link: `/matching/interests/${facts.interestId}`,
        }),
      ]);
      // The interest's message (with a phone number in it) is read on the interest, never in a notification.
      expect(JSON.stringify(toFounder)).not.toContain('0912345678');
      expect(await notificationsOf(investor)).toEqual([]);

      const introductionId = uuidv7();
      const acceptedAt = new Date().toISOString();
      await handled(
        await send(TOPICS.matching.name, 'matching.interest.accepted', 'interest', facts.interestId, {
          ...facts,
          introductionId,
          acceptedAt,
        }),
      );
      await handled(
        await send(TOPICS.matching.name, 'matching.introduction.made', 'introduction', introductionId, {
          introductionId,
          interestId: facts.interestId,
          projectId: facts.projectId,
          projectOwnerId: facts.projectOwnerId,
          investorId: facts.investorId,
          projectTitle: facts.projectTitle,
          investorName: facts.investorName,
          madeAt: acceptedAt,
        }),
      );
      expect((await notificationsOf(investor)).map((notification) => notification.kind)).toEqual([
        'introduction_made',
        'interest_accepted',
      ]);
      const founderNow = await notificationsOf(founder);
      expect(founderNow.map((notification) => notification.kind)).toEqual([
        'introduction_made',
        'interest_expressed',
      ]);
      expect(founderNow[0]?.title.vi).toBe(
        'Bạn đã được giới thiệu với nhà đầu tư Trần Văn Minh (Quỹ Hồng Hà)',
      );
      expect(founderNow[0]?.link).toBe(`/matching/introductions/${introductionId}`);
    });

    it("tell the investor of a decline, without the founder's reason", async () => {
      const facts = interestFacts();
      const investor = signedInAs(facts.investorId, Role.Investor);
      await handled(
        await send(TOPICS.matching.name, 'matching.interest.declined', 'interest', facts.interestId, {
          ...facts,
          reason: 'Chúng tôi đã đủ vốn cho vòng này.',
          declinedAt: new Date().toISOString(),
        }),
      );
      const [declined, ...rest] = await notificationsOf(investor);
      expect(rest).toEqual([]);
      expect(declined).toMatchObject({
        kind: 'interest_declined',
        title: { en: '«Gốm Bát Tràng thủ công» declined your interest' },
      });
      expect(JSON.stringify(declined)).not.toContain('đủ vốn');
    });

    it('follow the interest routes through the outbox and the topic, never carrying contact data', async () => {
      const investor = await investorWithProfile();
      const founder = as(Role.Founder);
      const projectId = uuidv7();
      await dataSource.query(
        `INSERT INTO catalogued_projects (project_id, owner_id, published, title, summary, kind, sector, stage,
           province_code, commune, funding_ask, team_size, target_groups, shared_contact_fields, terms,
           published_at, last_version, last_event_type, updated_at)
         VALUES ($1, $2, true, 'Mật ong bạc hà Hà Giang', 'Mật ong bạc hà đạt chuẩn OCOP.', 'household_business',
           'agriculture_food', 'early_revenue', '08', 'Xã Đồng Văn', 800000000, 4, '{}', '{phone}',
           '{mat,ong,bac,ha}', now(), 2, 'projects.project.approved', now())`,
        [projectId, founder.user.id],
      );
      const expressed = await http()
        .post('/api/v1/matching/interests')
        .set('Authorization', investor.auth)
        .send({ projectId, message: 'Quỹ chúng tôi muốn tìm hiểu vùng nguyên liệu của dự án.' });
      expect(expressed.status).toBe(201);
      const interestId = expressed.body.id as string;
      await eventually('the founder to hear of the interest', async () =>
        (await notificationsOf(founder)).some((item) => item.kind === 'interest_expressed'),
      );
      const accepted = await http()
        .post(`/api/v1/matching/interests/${interestId}/accept`)
        .set('Authorization', founder.auth)
        .send({ contact: { phone: '0905 111 222' } });
      expect(accepted.status).toBe(200);

      const toInvestor = await eventually(
        'the investor to hear of the answer and the introduction',
        async () => {
          const items = await notificationsOf(investor);
          return items.length === 2 && items;
        },
      );
      expect(toInvestor.map((item) => item.kind).sort()).toEqual(['interest_accepted', 'introduction_made']);
      const toFounder = await eventually('the founder to hear of the introduction', async () => {
        const items = await notificationsOf(founder);
        return items.length === 2 && items;
      });
      expect(toFounder[0]).toMatchObject({
        kind: 'introduction_made',
        title: { vi: 'Bạn đã được giới thiệu với nhà đầu tư Nguyễn Thị Lan' },
      });
      const everything = JSON.stringify([...toInvestor, ...toFounder]);
      for (const secret of ['0905 111 222', '0912345678', 'lan@quy.vn'])
        expect(everything).not.toContain(secret);
    });

    const decided = (
      type: string,
      applicationId: string,
      projectId: string,
      applicantId: string,
      extra: object,
    ) =>
      send(TOPICS.funding.name, type, 'application', applicationId, {
        applicationId,
        callId: uuidv7(),
        projectId,
        applicantId,
        decisionId: uuidv7(),
        requestedAmount: '300000000',
        decidedBy: uuidv7(),
        decidedAt: new Date().toISOString(),
        ...extra,
      });

    it("tell the founder of a fund's decision, naming the project from matching's catalogue when it knows it", async () => {
      const founder = as(Role.Founder);
      const known = uuidv7();
      await dataSource.query(
        `INSERT INTO catalogued_projects (project_id, owner_id, published, title, sector, stage, province_code,
           funding_ask, target_groups, shared_contact_fields, terms, last_version, last_event_type, updated_at)
         VALUES ($1, $2, true, 'Nước mắm Phú Quốc', 'agriculture_food', 'growth', '91', 300000000, '{}', '{}',
           '{nuoc,mam,phu,quoc}', 2, 'projects.project.approved', now())`,
        [known, founder.user.id],
      );
      const approvedId = uuidv7();
      await handled(
        await decided('funding.application.approved', approvedId, known, founder.user.id, {
          grantId: uuidv7(),
          approvedAmount: '250000000',
          ruleVersionIds: [],
          callCommitted: '250000000',
          callRemaining: '750000000',
        }),
      );
      const rejectedId = uuidv7();
      await handled(
        await decided('funding.application.rejected', rejectedId, uuidv7(), founder.user.id, {
          reason: 'Hồ sơ thiếu báo cáo tài chính.',
        }),
      );
      expect(await notificationsOf(founder)).toEqual([
        expect.objectContaining({
          kind: 'funding_decision',
          title: { vi: 'Đề án của bạn không được phê duyệt', en: 'Your application was not approved' },
          text: {
            vi: 'Đề án cho dự án của bạn không được phê duyệt; lý do ghi trong đề án.',
            en: 'The application for your project was not approved; the reason is on the application.',
          },
          link: `/funding/applications/${rejectedId}`,
        }),
        expect.objectContaining({
          kind: 'funding_decision',
          text: {
            vi: 'Đề án cho dự án «Nước mắm Phú Quốc» được phê duyệt 250.000.000 ₫.',
            en: 'The application for «Nước mắm Phú Quốc» was approved for ₫250,000,000.',
          },
          link: `/funding/applications/${approvedId}`,
        }),
      ]);
    });
  });

  describe('reading notifications', () => {
    /** `count` interests expressed in the founder's projects, one after the other. */
    const founderWithNotifications = async (count: number) => {
      const founder = as(Role.Founder);
      for (let i = 0; i < count; i++) {
        const interestId = uuidv7();
        await handled(
          await send(TOPICS.matching.name, 'matching.interest.expressed', 'interest', interestId, {
            interestId,
            projectId: uuidv7(),
            projectOwnerId: founder.user.id,
            projectTitle: `Dự án số ${i}`,
            investorId: uuidv7(),
            investorName: 'Quỹ Sông Hồng',
            message: 'Chúng tôi muốn tìm hiểu thêm về dự án.',
            expressedAt: new Date().toISOString(),
          }),
        );
      }
      return founder;
    };

    it('pages newest first, marks one read (keeping the first time), filters unread, counts, marks all read', async () => {
      const founder = await founderWithNotifications(5);
      expect(await unreadCount(founder)).toBe(5);

      const first = await http()
        .get('/api/v1/me/notifications')
        .query({ limit: 2 })
        .set('Authorization', founder.auth);
      expect(first.body.items.map((item: { title: { vi: string } }) => item.title.vi)).toEqual([
        'Nhà đầu tư quan tâm đến dự án «Dự án số 4»',
        'Nhà đầu tư quan tâm đến dự án «Dự án số 3»',
      ]);
      const rest = await http()
        .get('/api/v1/me/notifications')
        .query({ limit: 10, cursor: first.body.nextCursor })
        .set('Authorization', founder.auth);
      expect(rest.body.items).toHaveLength(3);
      expect(rest.body.nextCursor).toBeNull();

      const target = first.body.items[1].id as string;
      const read = await http()
        .post(`/api/v1/me/notifications/${target}/read`)
        .set('Authorization', founder.auth);
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ id: target, readAt: expect.any(String) });
      const again = await http()
        .post(`/api/v1/me/notifications/${target}/read`)
        .set('Authorization', founder.auth);
      expect(again.body.readAt).toBe(read.body.readAt);

      expect(await unreadCount(founder)).toBe(4);
      const unread = await notificationsOf(founder, { unread: 'true' });
      expect(unread.map((item) => item.id)).not.toContain(target);
      expect(unread).toHaveLength(4);
      expect((await notificationsOf(founder, { unread: 'false' })).map((item) => item.id)).toEqual([target]);

      const all = await http().post('/api/v1/me/notifications/read-all').set('Authorization', founder.auth);
      expect(all.status).toBe(200);
      expect(all.body).toEqual({ marked: 4 });
      expect(await unreadCount(founder)).toBe(0);
      expect(await notificationsOf(founder, { unread: 'true' })).toEqual([]);
      expect(await notificationsOf(founder)).toHaveLength(5);
    });

    it("never shows, counts or marks someone else's notifications: theirs is 404", async () => {
      const founder = await founderWithNotifications(1);
      const [theirs] = await notificationsOf(founder);
      const stranger = as(Role.Investor);
      expect(await notificationsOf(stranger)).toEqual([]);
      expect(await unreadCount(stranger)).toBe(0);
      const refused = await http()
        .post(`/api/v1/me/notifications/${theirs?.id}/read`)
        .set('Authorization', stranger.auth);
      expect(refused.status).toBe(404);
      expect(refused.body.code).toBe('NOTIFICATION_NOT_FOUND');
      const marked = await http()
        .post('/api/v1/me/notifications/read-all')
        .set('Authorization', stranger.auth);
      expect(marked.body).toEqual({ marked: 0 });
      expect(await unreadCount(founder)).toBe(1);
    });

    it('refuses a foreign cursor and a bad unread filter with 400 naming the field, and anonymous callers with 401', async () => {
      const founder = as(Role.Founder);
      const badCursor = await http()
        .get('/api/v1/me/notifications')
        .query({ cursor: 'bm90LWEtY3Vyc29y' })
        .set('Authorization', founder.auth);
      expect(badCursor.status).toBe(400);
      expect(badCursor.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
      const badFilter = await http()
        .get('/api/v1/me/notifications')
        .query({ unread: 'yes' })
        .set('Authorization', founder.auth);
      expect(badFilter.status).toBe(400);
      expect(badFilter.body.errors).toEqual([expect.objectContaining({ field: 'unread' })]);
      expect((await http().get('/api/v1/me/notifications')).status).toBe(401);
    });
  });
});
