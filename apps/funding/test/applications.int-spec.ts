import 'reflect-metadata';
import { jest } from '@jest/globals';
import { type AuthenticatedUser } from '@khoinghiep/auth';
import { dlqTopicOf, type EventEnvelope, Role, TOPICS } from '@khoinghiep/contracts';
import { pendingSchemaChanges } from '@khoinghiep/persistence';
import { EventTap, eventually, freshDatabase, userFactory } from '@khoinghiep/testing';
import type { INestApplication } from '@nestjs/common';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { register } from 'prom-client';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { startFundingApp } from './support/funding-app.js';

// The funding app in-process against real PostgreSQL (its own database, migrated from scratch) and the real Kafka
// broker, its event consumer running: the project read model fed by real `projects.events` messages (replays,
// old versions, poison), applications refused for projects funding does not know as the founder's published ones,
// and the draft → submit (eligibility) → withdraw life with its events on `funding.events`.

jest.setTimeout(60_000);

const BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

/** Waits until `probe` answers something `accept` takes, and answers it (a thin adapter of `eventually`). */
async function until<T>(probe: () => Promise<T>, accept: (value: T) => boolean, what: string): Promise<T> {
  const accepted = await eventually(what, async () => {
    const value = await probe();
    return accept(value) && { value };
  });
  return accepted.value;
}

async function consumedCount(outcome: string): Promise<number> {
  const metric = await register.getSingleMetric('messaging_events_consumed_total')?.get();
  return (metric?.values ?? [])
    .filter((value) => value.labels.topic === TOPICS.projects.name && value.labels.outcome === outcome)
    .reduce((sum, value) => sum + value.value, 0);
}

describe('applications against PostgreSQL and Kafka', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let producer: Producer;
  let fundingTap: EventTap;
  let dlqTap: EventTap;
  let http: () => ReturnType<typeof request>;
  let as: (role: Role) => { user: AuthenticatedUser; auth: string };

  beforeAll(async () => {
    const url = await freshDatabase('funding_applications_int');
    app = await startFundingApp(url, { consumeEvents: true });
    dataSource = app.get(DataSource);
    http = () => request(app.getHttpServer());
    as = userFactory(app);
    const kafka = new Kafka({ clientId: 'applications-itest', brokers: BROKERS, logLevel: logLevel.NOTHING });
    producer = kafka.producer();
    await producer.connect();
    fundingTap = new EventTap(TOPICS.funding.name, BROKERS);
    dlqTap = new EventTap(dlqTopicOf(TOPICS.projects.name), BROKERS);
    await Promise.all([fundingTap.start(), dlqTap.start()]);
  }, 90_000);

  afterAll(async () => {
    await fundingTap?.stop();
    await dlqTap?.stop();
    await producer?.disconnect();
    await app?.close();
  });

  // ---- projects events, as the projects service's relay puts them on the topic ----

  const envelopeOf = (type: string, projectId: string, payload: object): EventEnvelope => ({
    id: uuidv7(),
    type,
    version: 1,
    occurredAt: new Date().toISOString(),
    aggregateType: 'project',
    aggregateId: projectId,
    actor: { userId: uuidv7(), roles: ['programme_officer'] },
    correlationId: `itest-${uuidv7()}`,
    causationId: null,
    payload,
  });

  const send = async (envelope: EventEnvelope) => {
    await producer.send({
      topic: TOPICS.projects.name,
      messages: [
        {
          key: envelope.aggregateId,
          value: JSON.stringify(envelope),
          headers: {
            'event-id': envelope.id,
            'event-type': envelope.type,
            'event-version': String(envelope.version),
            'correlation-id': envelope.correlationId,
            'causation-id': '',
            actor: JSON.stringify(envelope.actor),
          },
        },
      ],
    });
    return envelope;
  };

  const approved = (projectId: string, ownerId: string, version: number, overrides: object = {}) =>
    envelopeOf('projects.project.approved', projectId, {
      projectId,
      ownerId,
      version,
      title: 'Cà phê đặc sản Buôn Ma Thuột',
      summary: 'Rang xay cà phê Robusta đặc sản.',
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

  const unpublished = (projectId: string, ownerId: string, version: number) =>
    envelopeOf('projects.project.unpublished', projectId, {
      projectId,
      ownerId,
      version,
      officerId: uuidv7(),
      reason: 'Doanh nghiệp tạm ngừng hoạt động.',
    });

  const known = (projectId: string) =>
    dataSource
      .query('SELECT * FROM project_directory WHERE project_id = $1', [projectId])
      .then((rows: Record<string, unknown>[]) => rows[0]);

  const inboxed = (eventId: string) =>
    dataSource
      .query('SELECT count(*)::int AS n FROM inbox_event WHERE event_id = $1', [eventId])
      .then((rows: { n: number }[]) => rows[0]?.n ?? 0);

  /** A project funding has learnt is published, owned by `ownerId`. */
  const publishedProject = async (ownerId: string, overrides: object = {}) => {
    const projectId = uuidv7();
    await send(approved(projectId, ownerId, 3, overrides));
    await until(
      () => known(projectId),
      (row) => row?.published === true,
      `project ${projectId} published`,
    );
    return projectId;
  };

  // ---- calls, as the calls feature stores them ----

  const openCall = async (
    rules: Record<string, unknown> = {},
    status = 'open',
    window = { opensAt: new Date(Date.now() - 86_400_000), closesAt: new Date(Date.now() + 30 * 86_400_000) },
  ) => {
    const fundId = uuidv7();
    const callId = uuidv7();
    const now = new Date();
    await dataSource.query(
      `INSERT INTO funds (id, kind, name, owner_agency, province_code, capital_central_budget,
         capital_provincial_budget, capital_private, capital_association, version, created_by, created_at, updated_at)
       VALUES ($1, 'khuyen_cong_local', 'Khuyến công Đắk Lắk', 'Sở Công Thương', '66', 0, 5000000000, 0, 0, 1, $2, $3, $3)`,
      [fundId, uuidv7(), now],
    );
    await dataSource.query(
      `INSERT INTO funding_calls (id, fund_id, fiscal_year, title, description, status, version, budget, committed,
         support_categories, eligible_applicant_kinds, eligible_province_codes, eligible_target_groups,
         published_project_required, required_training_topic, max_business_age_years, allocation_rule,
         appraisal_rubric, opens_at, closes_at, created_by, created_at, updated_at)
       VALUES ($1, $2, 2026, 'Đợt 1/2026', 'Hỗ trợ máy móc', $3, 2, 3000000000, 0, $4, $5, $6, $7, true, $8, $9,
         'first_come', '{"criteria":[],"scale":{"min":0,"max":10}}', $10, $11, $12, $13, $13)`,
      [
        callId,
        fundId,
        status,
        rules.categories ?? ['kc_machinery', 'kc_trade_fair'],
        rules.applicantKinds ?? [],
        rules.provinces ?? [],
        rules.targetGroups ?? [],
        rules.trainingTopic ?? null,
        rules.maxBusinessAgeYears ?? null,
        window.opensAt,
        window.closesAt,
        uuidv7(),
        now,
      ],
    );
    return callId;
  };

  const lines = [
    {
      category: 'kc_machinery',
      description: 'Máy rang cà phê 15 kg/mẻ',
      cost: '450000000',
      requested: '300000000',
      ownContribution: '150000000',
    },
    {
      category: 'kc_trade_fair',
      description: 'Gian hàng hội chợ',
      cost: '60000000',
      requested: '40000000',
      ownContribution: '20000000',
    },
  ];
  const attachment = {
    name: 'du-toan.pdf',
    mediaType: 'application/pdf',
    sizeBytes: 482113,
    sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  };
  const draftBody = (callId: string, projectId: string, overrides: object = {}) => ({
    callId,
    projectId,
    applicantKind: 'rural_industry',
    businessRegisteredOn: '2023-05-17',
    priorityGroups: ['ethnic_minority_led'],
    budgetLines: lines,
    coFinancing: { central: '0', provincial: '340000000', own: '170000000' },
    attachments: [attachment],
    ...overrides,
  });

  describe('schema', () => {
    it('leaves nothing for the entities to add after the migrations (no missing migration)', async () => {
      expect(await pendingSchemaChanges(dataSource)).toEqual([]);
    });
  });

  describe('the project read model, from projects.events', () => {
    it('learns a published project from a real approved event, with what eligibility needs', async () => {
      const ownerId = uuidv7();
      const projectId = await publishedProject(ownerId);
      expect(await known(projectId)).toMatchObject({
        owner_id: ownerId,
        published: true,
        title: 'Cà phê đặc sản Buôn Ma Thuột',
        kind: 'rural_industry',
        sector: 'agriculture_food',
        province_code: '66',
        target_groups: ['women_led'],
        last_version: 3,
        last_event_type: 'projects.project.approved',
      });
    });

    it('applies a replayed event once', async () => {
      const projectId = uuidv7();
      const first = await send(approved(projectId, uuidv7(), 2));
      const row = await until(
        () => known(projectId),
        (found) => found?.published === true,
        'the first delivery',
      );
      const duplicatesBefore = await consumedCount('duplicate');
      await send(first);
      await until(
        () => consumedCount('duplicate'),
        (count) => count > duplicatesBefore,
        'the replay to be read',
      );
      expect(await inboxed(first.id)).toBe(1);
      expect(await known(projectId)).toEqual(row);
    });

    it('never moves back to an older version, whatever order events arrive in', async () => {
      const ownerId = uuidv7();
      const projectId = uuidv7();
      await send(unpublished(projectId, ownerId, 5));
      await until(
        () => known(projectId),
        (row) => row?.last_version === 5,
        'the unpublication',
      );
      const late = await send(approved(projectId, ownerId, 4));
      await until(
        () => inboxed(late.id),
        (count) => count === 1,
        'the late approval to be handled',
      );
      expect(await known(projectId)).toMatchObject({ published: false, last_version: 5, title: null });
      // A newer approval publishes it again.
      await send(approved(projectId, ownerId, 6, { title: 'Cà phê Robusta' }));
      await until(
        () => known(projectId),
        (row) => row?.last_version === 6,
        'the new approval',
      );
      expect(await known(projectId)).toMatchObject({ published: true, title: 'Cà phê Robusta' });
    });

    it('sends a poison event to the dead-letter topic and goes on', async () => {
      const projectId = uuidv7();
      const poison = await send(approved(projectId, uuidv7(), 1, { fundingAsk: 1500000000 }));
      const [letter] = await dlqTap.waitFor(projectId, 1);
      expect(letter?.headers['dlq-reason']).toBe('invalid');
      expect(letter?.envelope.id).toBe(poison.id);
      expect(await known(projectId)).toBeUndefined();
      // The consumer went on.
      await publishedProject(uuidv7());
    });
  });

  describe('an application is refused, naming why', () => {
    it('for a project funding does not know, one not published, and another founder’s', async () => {
      const callId = await openCall();
      const founder = as(Role.Founder);
      const refuse = async (projectId: string, status: number, code: string) => {
        const response = await http()
          .post('/api/v1/funding/applications')
          .set('authorization', founder.auth)
          .set('accept-language', 'en')
          .send(draftBody(callId, projectId));
        expect(response.status).toBe(status);
        expect(response.body).toMatchObject({ code, status });
        expect(response.body.detail).toContain(projectId);
        return response.body as { detail: string };
      };
      expect((await refuse(uuidv7(), 409, 'APPLICATION_PROJECT_UNKNOWN')).detail).toContain(
        'not been published',
      );

      const takenDown = await publishedProject(founder.user.id);
      await send(unpublished(takenDown, founder.user.id, 4));
      await until(
        () => known(takenDown),
        (row) => row?.published === false,
        'the unpublication',
      );
      expect((await refuse(takenDown, 409, 'APPLICATION_PROJECT_NOT_PUBLISHED')).detail).toContain(
        'projects.project.unpublished',
      );

      const someoneElses = await publishedProject(uuidv7());
      await refuse(someoneElses, 403, 'APPLICATION_PROJECT_NOT_YOURS');
      expect(await dataSource.query('SELECT 1 FROM applications WHERE call_id = $1', [callId])).toEqual([]);
    });

    it('for a call that is not open, a category the call does not fund, and a role that does not apply', async () => {
      const founder = as(Role.Founder);
      const projectId = await publishedProject(founder.user.id);
      const draftCall = await openCall({}, 'draft');
      const notOpen = await http()
        .post('/api/v1/funding/applications')
        .set('authorization', founder.auth)
        .send(draftBody(draftCall, projectId));
      expect(notOpen.status).toBe(409);
      expect(notOpen.body.code).toBe('APPLICATION_CALL_NOT_OPEN');
      const lapsed = await openCall({}, 'open', {
        opensAt: new Date(Date.now() - 2 * 86_400_000),
        closesAt: new Date(Date.now() - 86_400_000),
      });
      const afterClose = await http()
        .post('/api/v1/funding/applications')
        .set('authorization', founder.auth)
        .set('accept-language', 'en')
        .send(draftBody(lapsed, projectId));
      expect(afterClose.status).toBe(409);
      expect(afterClose.body).toMatchObject({ code: 'APPLICATION_CALL_NOT_OPEN' });
      expect(afterClose.body.detail).toContain('takes applications only from');

      const machineryOnly = await openCall({ categories: ['kc_machinery'] });
      const category = await http()
        .post('/api/v1/funding/applications')
        .set('authorization', founder.auth)
        .send(draftBody(machineryOnly, projectId));
      expect(category.status).toBe(400);
      expect(category.body.errors.map((error: { field: string }) => error.field)).toEqual([
        'budgetLines[1].category',
      ]);

      const investor = as(Role.Investor);
      const wrongRole = await http()
        .post('/api/v1/funding/applications')
        .set('authorization', investor.auth)
        .send(draftBody(machineryOnly, projectId));
      expect(wrongRole.status).toBe(403);
    });

    it('for bad input, each field named: money as a number, a line over its cost, a bad digest', async () => {
      const founder = as(Role.Founder);
      const projectId = await publishedProject(founder.user.id);
      const callId = await openCall();
      const response = await http()
        .post('/api/v1/funding/applications')
        .set('authorization', founder.auth)
        .send(
          draftBody(callId, projectId, {
            budgetLines: [{ ...lines[0], cost: 450000000 }],
            attachments: [{ ...attachment, sha256: 'ABC' }],
          }),
        );
      expect(response.status).toBe(400);
      const fields = response.body.errors.map((error: { field: string }) => error.field);
      expect(fields).toEqual(expect.arrayContaining(['budgetLines[0].cost', 'attachments[0].sha256']));

      const overCost = await http()
        .post('/api/v1/funding/applications')
        .set('authorization', founder.auth)
        .send(draftBody(callId, projectId, { budgetLines: [{ ...lines[0], ownContribution: '150000001' }] }));
      expect(overCost.status).toBe(400);
      const noSuchDay = await http()
        .post('/api/v1/funding/applications')
        .set('authorization', founder.auth)
        .send(draftBody(callId, projectId, { businessRegisteredOn: '2023-02-29' }));
      expect(noSuchDay.status).toBe(400);
      expect(noSuchDay.body.errors).toEqual([expect.objectContaining({ field: 'businessRegisteredOn' })]);
      expect(overCost.body.errors).toEqual([expect.objectContaining({ field: 'budgetLines[0].requested' })]);
    });
  });

  describe('draft → edit → submit (eligibility) → withdraw', () => {
    it('keeps the draft private, edits under a version precondition, and explains eligibility on submission', async () => {
      const founder = as(Role.Founder);
      const projectId = await publishedProject(founder.user.id);
      const callId = await openCall({
        provinces: ['66'],
        targetGroups: ['women_led'],
        maxBusinessAgeYears: 5,
      });
      const created = await http()
        .post('/api/v1/funding/applications')
        .set('authorization', founder.auth)
        .send(
          draftBody(callId, projectId, { coFinancing: { central: '0', provincial: '300000000', own: '0' } }),
        );
      expect(created.status).toBe(201);
      expect(created.headers.etag).toBe('"1"');
      const id = created.body.id as string;
      expect(created.body).toMatchObject({
        status: 'draft',
        version: 1,
        totals: { cost: '510000000', requested: '340000000', ownContribution: '170000000' },
        priorityGroups: ['ethnic_minority_led', 'women_led'],
        eligibility: { eligible: null, outcomes: [] },
      });

      // Someone else cannot see it; fund staff can, but cannot change it.
      await http()
        .get(`/api/v1/funding/applications/${id}`)
        .set('authorization', as(Role.Founder).auth)
        .expect(404);
      const officer = as(Role.FundOfficer);
      await http().get(`/api/v1/funding/applications/${id}`).set('authorization', officer.auth).expect(200);

      // The split does not match the lines: submission names what to fix, and changes nothing.
      const incomplete = await http()
        .post(`/api/v1/funding/applications/${id}/submit`)
        .set('authorization', founder.auth)
        .send({});
      expect(incomplete.status).toBe(422);
      expect(incomplete.body.code).toBe('APPLICATION_INCOMPLETE');
      expect(incomplete.body.errors.map((error: { field: string }) => error.field)).toEqual([
        'coFinancing',
        'coFinancing.own',
      ]);

      const patch = (ifMatch: string | null, body: object) => {
        const call = http().patch(`/api/v1/funding/applications/${id}`).set('authorization', founder.auth);
        return (ifMatch === null ? call : call.set('if-match', ifMatch)).send(body);
      };
      const split = { coFinancing: { central: '40000000', provincial: '300000000', own: '170000000' } };
      expect((await patch(null, split)).status).toBe(428);
      expect((await patch('"7"', split)).status).toBe(412);
      const edited = await patch('"1"', split);
      expect(edited.status).toBe(200);
      expect(edited.body.version).toBe(2);

      const submitted = await http()
        .post(`/api/v1/funding/applications/${id}/submit`)
        .set('authorization', founder.auth)
        .set('if-match', '"2"')
        .send({});
      expect(submitted.status).toBe(200);
      expect(submitted.body).toMatchObject({ status: 'submitted', version: 3 });
      expect(submitted.body.eligibility.eligible).toBe(true);
      expect(submitted.body.eligibility.outcomes).toHaveLength(8);
      const [machinery, fair] = submitted.body.eligibility.outcomes.slice(6);
      expect(machinery).toMatchObject({ rule: 'support_ceiling', passed: true });
      expect(machinery.ruleVersion).toMatch(/^[0-9a-f-]{36}$/);
      expect(machinery.reason.en).toContain('ceiling 300000000 đồng');
      expect(fair).toMatchObject({ rule: 'support_ceiling', ruleVersion: 'none', passed: true });
      for (const outcome of submitted.body.eligibility.outcomes.slice(0, 6)) {
        expect(outcome).toMatchObject({ ruleVersion: `call:${callId}@v2`, passed: true });
        expect(outcome.reason.vi.length).toBeGreaterThan(0);
        expect(outcome.reason.en.length).toBeGreaterThan(0);
      }

      // Submitted means frozen: the service says so, and so does the database.
      const late = await patch('"3"', { attachments: [] });
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('APPLICATION_ILLEGAL_TRANSITION');
      await expect(
        dataSource.query('DELETE FROM application_budget_lines WHERE application_id = $1', [id]),
      ).rejects.toThrow(/cannot change once it is submitted/);
      await expect(
        dataSource.query(
          'UPDATE application_eligibility_outcomes SET passed = false WHERE application_id = $1',
          [id],
        ),
      ).rejects.toThrow(/append-only/);

      const events = await fundingTap.waitFor(id, 2);
      expect(events.map((event) => event.envelope.type)).toEqual([
        'funding.application.submitted',
        'funding.application.eligibility_checked',
      ]);
      expect(events.every((event) => event.key === id)).toBe(true);
      expect(events[0]?.envelope.payload).toMatchObject({
        applicationId: id,
        callId,
        projectId,
        applicantId: founder.user.id,
        totalRequested: '340000000',
        centralBudget: '40000000',
        provincialBudget: '300000000',
        eligible: true,
        priorityGroups: ['ethnic_minority_led', 'women_led'],
      });
      expect(events[1]?.envelope.actor).toMatchObject({ userId: founder.user.id });
      expect(events[1]?.envelope.payload).toMatchObject({
        eligible: true,
        rules: submitted.body.eligibility.outcomes.map((outcome: { rule: string }) => outcome.rule),
        ruleVersions: submitted.body.eligibility.outcomes.map(
          (outcome: { ruleVersion: string }) => outcome.ruleVersion,
        ),
        passed: Array(8).fill(true),
      });

      const withdrawn = await http()
        .post(`/api/v1/funding/applications/${id}/withdraw`)
        .set('authorization', founder.auth)
        .send({ reason: 'Đổi sang đợt sau.' });
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body).toMatchObject({ status: 'withdrawn', withdrawalReason: 'Đổi sang đợt sau.' });
      const all = await fundingTap.waitFor(id, 3);
      expect(all[2]?.envelope).toMatchObject({
        type: 'funding.application.withdrawn',
        payload: { previousStatus: 'submitted', reason: 'Đổi sang đợt sau.' },
      });
      const history = await dataSource.query(
        'SELECT action FROM application_history WHERE application_id = $1 ORDER BY occurred_at',
        [id],
      );
      expect(history.map((entry: { action: string }) => entry.action)).toEqual([
        'create',
        'update',
        'submit',
        'withdraw',
      ]);
    });

    it('submits an ineligible application all the same, marked ineligible, with the failing rules explained', async () => {
      const founder = as(Role.Founder);
      const projectId = await publishedProject(founder.user.id);
      const callId = await openCall({
        provinces: ['01'],
        applicantKinds: ['sme'],
        trainingTopic: 'Khởi sự kinh doanh',
      });
      const created = await http()
        .post('/api/v1/funding/applications')
        .set('authorization', founder.auth)
        .send(draftBody(callId, projectId));
      const submitted = await http()
        .post(`/api/v1/funding/applications/${created.body.id}/submit`)
        .set('authorization', founder.auth)
        .set('accept-language', 'en')
        .send({ version: 1 });
      expect(submitted.status).toBe(200);
      expect(submitted.body.status).toBe('submitted');
      expect(submitted.body.eligibility.eligible).toBe(false);
      expect(submitted.body.eligibility.summary.en).toContain('can never be approved');
      const failed = submitted.body.eligibility.outcomes
        .filter((outcome: { passed: boolean }) => !outcome.passed)
        .map((outcome: { rule: string }) => outcome.rule);
      expect(failed).toEqual(['applicant_kind', 'province', 'training_completed']);
      const [, checked] = await fundingTap.waitFor(created.body.id, 2);
      expect(checked?.envelope.payload).toMatchObject({
        eligible: false,
        passed: submitted.body.eligibility.outcomes.map((outcome: { passed: boolean }) => outcome.passed),
      });
      // The database itself refuses approving it.
      await expect(
        dataSource.query("UPDATE applications SET status = 'approved' WHERE id = $1", [created.body.id]),
      ).rejects.toThrow(/CHK_applications_approved_eligible/);
    });

    it('refuses a submission over a support ceiling in force, naming the line, the ceiling and its source', async () => {
      const founder = as(Role.Founder);
      const projectId = await publishedProject(founder.user.id);
      const callId = await openCall();
      const greedy = [{ ...lines[0], requested: '300000001', ownContribution: '149999999' }];
      const created = await http()
        .post('/api/v1/funding/applications')
        .set('authorization', founder.auth)
        .send(
          draftBody(callId, projectId, {
            budgetLines: greedy,
            coFinancing: { central: '0', provincial: '300000001', own: '149999999' },
          }),
        );
      expect(created.status).toBe(201);
      const refused = await http()
        .post(`/api/v1/funding/applications/${created.body.id}/submit`)
        .set('authorization', founder.auth)
        .set('accept-language', 'en')
        .send({});
      expect(refused.status).toBe(422);
      expect(refused.body.errors).toEqual([
        expect.objectContaining({
          field: 'budgetLines[0].requested',
          message: expect.stringContaining('over the ceiling of 300000000 đồng (28/2018/TT-BTC)'),
        }),
      ]);
      const [row] = await dataSource.query('SELECT status FROM applications WHERE id = $1', [
        created.body.id,
      ]);
      expect(row.status).toBe('draft');
    });

    it('keeps one live application per project and call, even when two drafts are created at once', async () => {
      const founder = as(Role.Founder);
      const projectId = await publishedProject(founder.user.id);
      const callId = await openCall();
      const create = () =>
        http()
          .post('/api/v1/funding/applications')
          .set('authorization', founder.auth)
          .send(draftBody(callId, projectId));
      const answers = await Promise.all([create(), create(), create()]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409, 409]);
      const created = answers.find((answer) => answer.status === 201);
      for (const refused of answers.filter((answer) => answer.status === 409)) {
        expect(refused.body).toMatchObject({
          code: 'APPLICATION_DUPLICATE',
          existingApplicationId: created?.body.id,
        });
      }
      // Once withdrawn, the project may apply again.
      await http()
        .post(`/api/v1/funding/applications/${created?.body.id}/withdraw`)
        .set('authorization', founder.auth)
        .send({})
        .expect(200);
      expect((await create()).status).toBe(201);
    });

    it('lists a founder only their own, and fund staff every application of a call, in cursor pages', async () => {
      const callId = await openCall();
      const founders = [as(Role.Founder), as(Role.Founder)];
      for (const founder of founders) {
        const projectId = await publishedProject(founder.user.id);
        await http()
          .post('/api/v1/funding/applications')
          .set('authorization', founder.auth)
          .send(draftBody(callId, projectId))
          .expect(201);
      }
      const mine = await http()
        .get('/api/v1/funding/applications')
        .query({ callId })
        .set('authorization', founders[0]?.auth ?? '');
      expect(mine.body.items.map((item: { applicantId: string }) => item.applicantId)).toEqual([
        founders[0]?.user.id,
      ]);

      const approver = as(Role.FundApprover);
      const first = await http()
        .get('/api/v1/funding/applications')
        .query({ callId, limit: 1 })
        .set('authorization', approver.auth);
      expect(first.body.items).toHaveLength(1);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await http()
        .get('/api/v1/funding/applications')
        .query({ callId, limit: 1, cursor: first.body.nextCursor })
        .set('authorization', approver.auth);
      expect(second.body.items).toHaveLength(1);
      expect(second.body.nextCursor).toBeNull();
      expect(new Set([first.body.items[0].applicantId, second.body.items[0].applicantId])).toEqual(
        new Set(founders.map((founder) => founder.user.id)),
      );
    });
  });
});
