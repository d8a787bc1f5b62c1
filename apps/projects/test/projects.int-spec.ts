import 'reflect-metadata';
import { jest } from '@jest/globals';
import { PROJECT_EVENTS, Role, TOPICS, validatePayload } from '@khoinghiep/contracts';
import { pendingSchemaChanges } from '@khoinghiep/persistence';
import { EventTap, freshDatabase, projectBody, userFactory } from '@khoinghiep/testing';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { version as uuidVersion, v7 as uuidv7 } from 'uuid';
import { startProjectsApp } from './support/projects-app.js';

// The projects app in-process against real PostgreSQL (its own database, migrated from scratch) and the real Kafka
// broker: migrations, constraints, search, concurrency, and the outbox → projects.events path.

// Boot, Kafka group joins and waiting for events take a few seconds on a small machine.
jest.setTimeout(60_000);

describe('projects service against PostgreSQL and Kafka', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let tap: EventTap;
  let as: ReturnType<typeof userFactory>;
  let http: () => ReturnType<typeof request>;

  beforeAll(async () => {
    const url = await freshDatabase('projects_int');
    app = await startProjectsApp(url);
    dataSource = app.get(DataSource);
    as = userFactory(app);
    http = () => request(app.getHttpServer());
    tap = new EventTap(TOPICS.projects.name);
    await tap.start();
  }, 90_000);

  afterAll(async () => {
    await tap?.stop();
    await app?.close();
  });

  const create = async (auth: string, overrides: Record<string, unknown> = {}) => {
    const response = await http()
      .post('/api/v1/projects')
      .set('authorization', auth)
      .send(projectBody(overrides));
    expect(response.status).toBe(201);
    return response.body as { id: string; version: number; status: string };
  };

  describe('schema', () => {
    it('leaves nothing for the entities to add after the migrations (no missing migration)', async () => {
      expect(await pendingSchemaChanges(dataSource)).toEqual([]);
    });

    it('holds the 34 provinces and serves them without a token', async () => {
      const response = await http().get('/api/v1/reference/provinces').expect(200);
      expect(response.body).toHaveLength(34);
      expect(response.body[0]).toMatchObject({
        code: '01',
        name: 'Thành phố Hà Nội',
        effectiveFrom: '2025-07-01',
      });
      expect(response.body.map((p: { code: string }) => p.code)).toContain('79');
    });

    it('refuses negative money, an unknown status and a province that does not exist, in the database itself', async () => {
      const { auth } = as(Role.Founder);
      const { id } = await create(auth);
      await expect(
        dataSource.query('UPDATE projects SET funding_ask = -1 WHERE id = $1', [id]),
      ).rejects.toThrow(/CHK_projects_funding_ask/);
      await expect(
        dataSource.query("UPDATE projects SET status = 'approved' WHERE id = $1", [id]),
      ).rejects.toThrow(/CHK_projects_status/);
      await expect(
        dataSource.query("UPDATE projects SET province_code = '02' WHERE id = $1", [id]),
      ).rejects.toThrow(/FK_projects_province/);
    });

    it('never lets history be rewritten or deleted', async () => {
      const { auth } = as(Role.Founder);
      const { id } = await create(auth);
      await expect(
        dataSource.query("UPDATE project_history SET comment = 'rewritten' WHERE project_id = $1", [id]),
      ).rejects.toThrow(/append-only/);
      await expect(
        dataSource.query('DELETE FROM project_history WHERE project_id = $1', [id]),
      ).rejects.toThrow(/append-only/);
    });
  });

  describe('each transition puts exactly one event with the full envelope on projects.events', () => {
    it('through revision, resubmission, publication and unpublication', async () => {
      const founder = as(Role.Founder, 'lan');
      const officer = as(Role.ProgrammeOfficer, 'binh');
      const correlationId = `itest-${uuidv7()}`;
      const project = await create(founder.auth);
      const step = async (method: 'post' | 'patch', path: string, auth: string, body: object) => {
        const response = await http()
          [method](`/api/v1/projects/${project.id}${path}`)
          .set('authorization', auth)
          .set('x-correlation-id', correlationId)
          .send(body);
        expect(response.status).toBe(200);
        return response.body as { version: number; status: string };
      };

      await step('patch', '', founder.auth, { title: 'Cà phê Robusta đặc sản Buôn Ma Thuột', version: 1 });
      await step('post', '/submit', founder.auth, {});
      await step('post', '/review', officer.auth, {
        decision: 'request_revision',
        comment: 'Bổ sung kế hoạch tài chính.',
      });
      await step('patch', '', founder.auth, { fundingAsk: '1800000000', version: 4 });
      await step('post', '/submit', founder.auth, {});
      await step('post', '/review', officer.auth, { decision: 'approve' });
      const last = await step('post', '/unpublish', officer.auth, {
        reason: 'Doanh nghiệp tạm ngừng hoạt động.',
      });
      expect(last).toMatchObject({ status: 'unpublished', version: 8 });

      const events = await tap.waitFor(project.id, 7);
      expect(events.map((event) => event.envelope.type)).toEqual([
        'projects.project.updated',
        'projects.project.submitted',
        'projects.project.revision_requested',
        'projects.project.updated',
        'projects.project.submitted',
        'projects.project.approved',
        'projects.project.unpublished',
      ]);
      expect(new Set(events.map((event) => event.envelope.id)).size).toBe(7);
      // One aggregate, one key, one partition: consumers see its events in order.
      expect(new Set(events.map((event) => event.partition)).size).toBe(1);

      for (const [index, event] of events.entries()) {
        const { envelope } = event;
        const actor = index === 2 || index >= 5 ? officer.user : founder.user;
        expect(Object.keys(envelope).sort()).toEqual(
          [
            'actor',
            'aggregateId',
            'aggregateType',
            'causationId',
            'correlationId',
            'id',
            'occurredAt',
            'payload',
            'type',
            'version',
          ].sort(),
        );
        expect(uuidVersion(envelope.id)).toBe(7);
        expect(envelope).toMatchObject({
          version: 1,
          aggregateType: 'project',
          aggregateId: project.id,
          actor: { userId: actor.id, roles: actor.roles },
          correlationId,
          causationId: null,
        });
        expect(new Date(envelope.occurredAt as string).toISOString()).toBe(envelope.occurredAt);
        expect(event.key).toBe(project.id);
        expect(event.headers).toMatchObject({
          'event-id': envelope.id,
          'event-type': envelope.type,
          'event-version': '1',
          'correlation-id': correlationId,
        });
        const contract = PROJECT_EVENTS.find((candidate) => candidate.type === envelope.type);
        expect(contract && validatePayload<object>(contract, envelope.payload).ok).toBe(true);
        expect(envelope.payload).toMatchObject({
          projectId: project.id,
          ownerId: founder.user.id,
          version: index + 2,
        });
      }
      expect(events[5]?.envelope.payload).toMatchObject({
        fundingAsk: '1800000000',
        provinceCode: '66',
        sector: 'agriculture_food',
        reviewerId: officer.user.id,
      });
      expect(events[4]?.envelope.payload).toMatchObject({ resubmission: true });
    });

    it('writes no event, no history and no change when a transition is refused', async () => {
      const founder = as(Role.Founder);
      const officer = as(Role.ProgrammeOfficer);
      const project = await create(founder.auth);
      // A draft cannot be approved: 409 naming the current state.
      await http()
        .post(`/api/v1/projects/${project.id}/submit`)
        .set('authorization', founder.auth)
        .send({})
        .expect(200);
      await http()
        .post(`/api/v1/projects/${project.id}/review`)
        .set('authorization', officer.auth)
        .send({ decision: 'reject', comment: 'Không phù hợp với chương trình.' })
        .expect(200);
      const refused = await http()
        .post(`/api/v1/projects/${project.id}/review`)
        .set('authorization', officer.auth)
        .send({ decision: 'approve' })
        .expect(409);
      expect(refused.body).toMatchObject({ code: 'PROJECT_ILLEGAL_TRANSITION', currentStatus: 'rejected' });

      const events = await tap.waitFor(project.id, 2);
      expect(events.map((event) => event.envelope.type)).toEqual([
        'projects.project.submitted',
        'projects.project.rejected',
      ]);
      const history = await dataSource.query('SELECT action FROM project_history WHERE project_id = $1', [
        project.id,
      ]);
      expect(history.map((row: { action: string }) => row.action).sort()).toEqual([
        'create',
        'reject',
        'submit',
      ]);
    });
  });

  describe('optimistic concurrency', () => {
    it('lets exactly one of two concurrent edits of the same version through; the other gets 412', async () => {
      const founder = as(Role.Founder);
      const project = await create(founder.auth);
      const edit = (title: string) =>
        http()
          .patch(`/api/v1/projects/${project.id}`)
          .set('authorization', founder.auth)
          .set('if-match', '"1"')
          .send({ title });
      const results = await Promise.all([edit('Phiên bản thứ nhất'), edit('Phiên bản thứ hai')]);
      expect(results.map((response) => response.status).sort()).toEqual([200, 412]);
      const stale = results.find((response) => response.status === 412);
      expect(stale?.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(stale?.body).toMatchObject({
        code: 'PROJECT_VERSION_STALE',
        currentVersion: 2,
        expectedVersion: 1,
      });
      const current = await http()
        .get(`/api/v1/projects/${project.id}`)
        .set('authorization', founder.auth)
        .expect(200);
      expect(current.body.version).toBe(2);
      expect(current.headers.etag).toBe('"2"');
    });

    it('answers a stale body version with 409 and an edit without any version with 428', async () => {
      const founder = as(Role.Founder);
      const project = await create(founder.auth);
      await http()
        .patch(`/api/v1/projects/${project.id}`)
        .set('authorization', founder.auth)
        .send({ teamSize: 7, version: 1 })
        .expect(200);
      const stale = await http()
        .patch(`/api/v1/projects/${project.id}`)
        .set('authorization', founder.auth)
        .send({ teamSize: 8, version: 1 })
        .expect(409);
      expect(stale.body.code).toBe('PROJECT_VERSION_STALE');
      await http()
        .patch(`/api/v1/projects/${project.id}`)
        .set('authorization', founder.auth)
        .send({ teamSize: 8 })
        .expect(428);
    });
  });

  describe('search and browse', () => {
    const publish = async (founderAuth: string, officerAuth: string, overrides: Record<string, unknown>) => {
      const project = await create(founderAuth, overrides);
      await http()
        .post(`/api/v1/projects/${project.id}/submit`)
        .set('authorization', founderAuth)
        .send({})
        .expect(200);
      await http()
        .post(`/api/v1/projects/${project.id}/review`)
        .set('authorization', officerAuth)
        .send({ decision: 'approve' })
        .expect(200);
      return project.id;
    };
    const marker = `Mã${Date.now().toString(36)}`;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      const founder = as(Role.Founder);
      const officer = as(Role.ProgrammeOfficer);
      ids.coffee = await publish(founder.auth, officer.auth, {
        title: `Cà phê đặc sản Đắk Lắk ${marker}`,
        provinceCode: '66',
        fundingAsk: '900000000',
      });
      ids.salted = await publish(founder.auth, officer.auth, {
        title: `Cà phê muối Huế đóng lon ${marker}`,
        provinceCode: '46',
        fundingAsk: '1100000000',
      });
      ids.tea = await publish(founder.auth, officer.auth, {
        title: `Trà Shan tuyết cổ thụ ${marker}`,
        summary: 'Chè Shan tuyết từ cây cổ thụ, chế biến thủ công, truy xuất nguồn gốc.',
        sector: 'agriculture_food',
        provinceCode: '08',
        fundingAsk: '500000000',
      });
      ids.draft = (await create(founder.auth, { title: `Cà phê chưa nộp ${marker}` })).id;
    });

    const search = async (query: Record<string, string | number>) => {
      const { auth } = as(Role.Investor);
      const response = await http()
        .get('/api/v1/projects')
        .query(query)
        .set('authorization', auth)
        .expect(200);
      return response.body as { items: { id: string }[]; nextCursor: string | null };
    };

    it.each([
      ['without diacritics', 'ca phe'],
      ['with diacritics', 'cà phê'],
      ['in capitals', 'CÀ PHÊ'],
      ['decomposed (NFD)', 'cà phê'.normalize('NFD')],
      ['as a prefix while typing', 'ca ph'],
    ])('finds "cà phê" %s, published projects only', async (_case, text) => {
      const page = await search({ q: `${marker} ${text}`, limit: 50 });
      expect(page.items.map((item) => item.id).sort()).toEqual([ids.coffee, ids.salted].sort());
    });

    it('combines the search with filters on province and funding ask', async () => {
      expect((await search({ q: `${marker} ca phe`, provinceCode: '46' })).items.map((i) => i.id)).toEqual([
        ids.salted,
      ]);
      expect(
        (await search({ q: marker, minFundingAsk: '600000000', maxFundingAsk: '1000000000' })).items.map(
          (i) => i.id,
        ),
      ).toEqual([ids.coffee]);
    });

    it('pages with a cursor in a stable order, newest publication first, without repeats', async () => {
      const first = await search({ q: marker, limit: 2 });
      expect(first.items.map((i) => i.id)).toEqual([ids.tea, ids.salted]);
      expect(first.nextCursor).not.toBeNull();
      const second = await search({ q: marker, limit: 2, cursor: first.nextCursor as string });
      expect(second.items.map((i) => i.id)).toEqual([ids.coffee]);
      expect(second.nextCursor).toBeNull();
    });

    it('uses the search indexes on the columns the trigger keeps', async () => {
      const plan = await dataSource.transaction(async (manager) => {
        await manager.query('SET LOCAL enable_seqscan = off');
        return manager.query(
          `EXPLAIN SELECT id FROM projects p WHERE
             p.search_document @@ to_tsquery('simple', f_unaccent('ca & phe:*'))
             OR p.title_folded %> lower(f_unaccent('ca phe'))`,
        );
      });
      const text = plan.map((row: Record<string, string>) => Object.values(row)[0]).join('\n');
      expect(text).toMatch(/IDX_projects_search_document/);
      expect(text).toMatch(/IDX_projects_title_trigram/);
    });

    it('finds a project by its new title once it is edited (the trigger refreshes the search columns)', async () => {
      const founder = as(Role.Founder);
      const project = await create(founder.auth, { title: `Nước mắm Phú Quốc ${marker}` });
      await http()
        .patch(`/api/v1/projects/${project.id}`)
        .set('authorization', founder.auth)
        .send({ title: `Nước mắm Nam Ô ${marker}`, version: 1 })
        .expect(200);
      const [row] = await dataSource.query('SELECT title_folded FROM projects WHERE id = $1', [project.id]);
      expect(row.title_folded).toMatch(/^nuoc mam nam o ma/);
    });
  });
});
