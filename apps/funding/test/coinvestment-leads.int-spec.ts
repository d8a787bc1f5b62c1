import 'reflect-metadata';
import { jest } from '@jest/globals';
import { AccessTokenService, type AuthenticatedUser } from '@khoinghiep/auth';
import { type CommitmentRecordedPayload, dlqTopicOf, Role, TOPICS } from '@khoinghiep/contracts';
import { UnitOfWork } from '@khoinghiep/messaging';
import { pendingSchemaChanges } from '@khoinghiep/persistence';
import { EventTap, envelopeOf, eventually, freshDatabase, sendEvent } from '@khoinghiep/testing';
import type { INestApplication } from '@nestjs/common';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { register } from 'prom-client';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { LeadIntake } from '../src/coinvestment-leads/lead-intake.js';
import { startFundingApp } from './support/funding-app.js';
import { postOpenCallBudget } from './support/open-call-budget.js';

// Co-investment leads (ADR 0028) against real PostgreSQL and Kafka: `matching.commitment.recorded` events put on
// `matching.events` as matching's relay would, consumed through the inbox into leads (one live lead per project,
// each introduction counted once at its latest amount, capped by the rule in force); fund officers take them on or
// close them, and open a co-investment proposal from them; events on `funding.events`; the database's own refusals.

jest.setTimeout(120_000);

const BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const BILLION = 1_000_000_000n;
const LEADS = '/api/v1/funding/coinvestment-leads';

interface Commitment {
  introductionId: string;
  projectId: string;
  projectOwnerId: string;
  investorId: string;
  investorKind: string;
  investorName: string;
  coinvestWithState: boolean;
  amount: string;
  stage: string;
  recordedAt: string;
}

async function consumedCount(outcome: string): Promise<number> {
  const metric = await register.getSingleMetric('messaging_events_consumed_total')?.get();
  return (metric?.values ?? [])
    .filter((value) => value.labels.topic === TOPICS.matching.name && value.labels.outcome === outcome)
    .reduce((sum, value) => sum + value.value, 0);
}

describe('co-investment leads against PostgreSQL and Kafka', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let producer: Producer;
  let fundingTap: EventTap;
  let dlqTap: EventTap;
  let tokens: AccessTokenService;
  let http: () => ReturnType<typeof request>;
  let nationalCap: string;

  beforeAll(async () => {
    app = await startFundingApp(await freshDatabase('funding_coinvestment_leads_int'), {
      consumeEvents: true,
    });
    dataSource = app.get(DataSource);
    tokens = app.get(AccessTokenService);
    http = () => request(app.getHttpServer());
    const kafka = new Kafka({
      clientId: 'coinvestment-leads-itest',
      brokers: BROKERS,
      logLevel: logLevel.NOTHING,
    });
    producer = kafka.producer();
    await producer.connect();
    fundingTap = new EventTap(TOPICS.funding.name, BROKERS);
    dlqTap = new EventTap(dlqTopicOf(TOPICS.matching.name), BROKERS);
    await Promise.all([fundingTap.start(), dlqTap.start()]);
    const [rule] = await dataSource.query(
      `SELECT id FROM programme_rule_versions WHERE kind = 'coinvestment_cap' AND province_code IS NULL`,
    );
    nationalCap = rule.id;
  }, 90_000);

  afterAll(async () => {
    await fundingTap?.stop();
    await dlqTap?.stop();
    await producer?.disconnect();
    await app?.close();
  });

  const signIn = (role: Role) => {
    const user: AuthenticatedUser = {
      id: uuidv7(),
      email: `${role}-${uuidv7()}@itest.khoinghiep.vn`,
      name: role,
      roles: [role],
      amr: ['pwd', 'otp'],
    };
    return { user, auth: `Bearer ${tokens.issue(user).accessToken}` };
  };

  // ---- matching's commitments, as its relay puts them on the topic ----

  /** A willing venture fund's commitment of 3 000 000 000 ₫ on `projectId`, recorded now. */
  const commitment = (projectId: string, overrides: Partial<Commitment> = {}): Commitment => ({
    introductionId: uuidv7(),
    projectId,
    projectOwnerId: ownerOf(projectId),
    investorId: uuidv7(),
    investorKind: 'venture_fund',
    investorName: 'Quỹ Đầu tư Mạo hiểm Sông Hồng',
    coinvestWithState: true,
    amount: (3n * BILLION).toString(),
    stage: 'committed',
    recordedAt: new Date().toISOString(),
    ...overrides,
  });

  /** The same introduction's commitment recorded `minutes` later (earlier when negative). */
  const laterOf = (
    earlier: Commitment,
    minutes: number,
    overrides: Partial<Commitment> = {},
  ): Commitment => ({
    ...earlier,
    recordedAt: new Date(Date.parse(earlier.recordedAt) + minutes * 60_000).toISOString(),
    ...overrides,
  });

  const owners = new Map<string, string>();
  const ownerOf = (projectId: string): string => {
    if (!owners.has(projectId)) owners.set(projectId, uuidv7());
    return owners.get(projectId) as string;
  };

  const record = (payload: object & { introductionId: string; investorId: string }) =>
    sendEvent(
      producer,
      TOPICS.matching.name,
      envelopeOf(
        'matching.commitment.recorded',
        { type: 'introduction', id: payload.introductionId },
        payload,
        {
          userId: payload.investorId,
          roles: ['investor'],
        },
      ),
    );

  const inboxed = async (eventId: string): Promise<number> => {
    const [row] = await dataSource.query('SELECT count(*)::int AS n FROM inbox_event WHERE event_id = $1', [
      eventId,
    ]);
    return row.n;
  };

  /** Records the commitment and waits until funding has consumed it. */
  const recorded = async (payload: Commitment) => {
    const envelope = await record(payload);
    await eventually(`commitment ${envelope.id} consumed`, async () => (await inboxed(envelope.id)) === 1);
    return envelope;
  };

  const leadIdsOf = async (projectId: string): Promise<string[]> =>
    (
      await dataSource.query('SELECT id FROM coinvestment_leads WHERE project_id = $1 ORDER BY opened_at', [
        projectId,
      ])
    ).map((row: { id: string }) => row.id);

  const liveLeadOf = async (projectId: string): Promise<string> => {
    const [row] = await dataSource.query(
      `SELECT id FROM coinvestment_leads WHERE project_id = $1 AND status IN ('open', 'taken')`,
      [projectId],
    );
    expect(row).toBeDefined();
    return row.id;
  };

  const readLead = (auth: string, leadId: string) =>
    http().get(`${LEADS}/${leadId}`).set('Authorization', auth);

  const officer = () => signIn(Role.FundOfficer);

  // ---- projects, as funding's directory knows them ----

  const projectApproved = (projectId: string, provinceCode: string) =>
    envelopeOf(
      'projects.project.approved',
      { type: 'project', id: projectId },
      {
        projectId,
        ownerId: ownerOf(projectId),
        version: 3,
        title: 'Cà phê đặc sản Buôn Ma Thuột',
        summary: 'Rang xay cà phê Robusta đặc sản.',
        kind: 'innovative_startup',
        sector: 'agriculture_food',
        stage: 'early_revenue',
        provinceCode,
        commune: 'Phường Buôn Ma Thuột',
        fundingAsk: '1500000000',
        teamSize: 6,
        targetGroups: [],
        ocopStars: null,
        certificationLevel: null,
        website: null,
        sharedContactFields: [],
        publishedAt: new Date().toISOString(),
        reviewerId: uuidv7(),
        comment: null,
      },
    );

  const knownProject = async (projectId: string) => {
    const [row] = await dataSource.query('SELECT published FROM project_directory WHERE project_id = $1', [
      projectId,
    ]);
    return row as { published: boolean } | undefined;
  };

  /** A project funding has learnt is published, in `provinceCode`. */
  const publishedProject = async (provinceCode = '66') => {
    const projectId = uuidv7();
    await sendEvent(producer, TOPICS.projects.name, projectApproved(projectId, provinceCode));
    await eventually(
      `project ${projectId} published`,
      async () => (await knownProject(projectId))?.published,
    );
    return projectId;
  };

  describe('from commitments recorded in matching', () => {
    it('opens a lead for a willing private commitment of 3 000 000 000 ₫, capped at 900 000 000 ₫ by the rule in force, before the directory knows the project', async () => {
      const projectId = uuidv7();
      const first = commitment(projectId, { recordedAt: '2026-10-01T03:00:00.000Z' });
      await recorded(first);
      const leadId = await liveLeadOf(projectId);

      const lead = await readLead(officer().auth, leadId);
      expect(lead.status).toBe(200);
      expect(lead.body).toMatchObject({
        id: leadId,
        projectId,
        projectOwnerId: first.projectOwnerId,
        projectTitle: null,
        projectPublished: false,
        status: 'open',
        privateTotal: '3000000000',
        cap: '900000000',
        capBp: 3000,
        ruleVersionId: nationalCap,
        takenBy: null,
        closedBy: null,
        applicationId: null,
      });
      expect(lead.body.investors).toEqual([
        {
          introductionId: first.introductionId,
          investorId: first.investorId,
          name: 'Quỹ Đầu tư Mạo hiểm Sông Hồng',
          investorKind: 'venture_fund',
          kind: 'private_venture_fund',
          amount: '3000000000',
          stage: 'committed',
          committedOn: '2026-10-01',
          recordedAt: '2026-10-01T03:00:00.000Z',
        },
      ]);

      const [opened] = await fundingTap.waitFor(leadId, 1);
      expect(opened?.key).toBe(leadId);
      expect(opened?.envelope).toMatchObject({
        type: 'funding.coinvestment_lead.opened',
        aggregateType: 'coinvestment_lead',
        actor: { userId: first.investorId },
        payload: {
          leadId,
          projectId,
          status: 'open',
          privateTotal: '3000000000',
          cap: '900000000',
          capBp: 3000,
          ruleVersionId: nationalCap,
          investorCount: 1,
        },
      });

      // The directory catches up: the lead shows the project, published.
      await sendEvent(producer, TOPICS.projects.name, projectApproved(projectId, '66'));
      const caughtUp = await eventually('the lead to show the published project', async () => {
        const read = await readLead(officer().auth, leadId);
        return read.body.projectPublished === true && read.body;
      });
      expect(caughtUp.projectTitle).toBe('Cà phê đặc sản Buôn Ma Thuột');
    });

    it("adds a second introduction, replaces an introduction's amount by its later commitment, and ignores an older one arriving late", async () => {
      const projectId = await publishedProject();
      const fund = commitment(projectId, { recordedAt: '2026-10-01T03:00:00.000Z' });
      await recorded(fund);
      const leadId = await liveLeadOf(projectId);
      await recorded(
        commitment(projectId, {
          investorKind: 'angel',
          investorName: 'Nguyễn Văn An',
          amount: (1n * BILLION).toString(),
          recordedAt: '2026-10-02T03:00:00.000Z',
        }),
      );
      expect((await readLead(officer().auth, leadId)).body).toMatchObject({
        privateTotal: '4000000000',
        cap: '1200000000',
      });

      await recorded(laterOf(fund, 60, { amount: (5n * BILLION).toString(), stage: 'invested' }));
      await recorded(laterOf(fund, -60, { amount: (9n * BILLION).toString() }));

      const lead = (await readLead(officer().auth, leadId)).body;
      expect(lead).toMatchObject({ status: 'open', privateTotal: '6000000000', cap: '1800000000' });
      expect(
        lead.investors.map((investor: { name: string; kind: string; amount: string; stage: string }) => [
          investor.name,
          investor.kind,
          investor.amount,
          investor.stage,
        ]),
      ).toEqual([
        ['Quỹ Đầu tư Mạo hiểm Sông Hồng', 'private_venture_fund', '5000000000', 'invested'],
        ['Nguyễn Văn An', 'angel_investor', '1000000000', 'committed'],
      ]);
      expect(await leadIdsOf(projectId)).toEqual([leadId]);

      const events = await fundingTap.waitFor(leadId, 3);
      expect(events.map((event) => event.envelope.type)).toEqual([
        'funding.coinvestment_lead.opened',
        'funding.coinvestment_lead.updated',
        'funding.coinvestment_lead.updated',
      ]);
      expect(events[2]?.envelope.payload).toMatchObject({
        previousPrivateTotal: '4000000000',
        previousCap: '1200000000',
        privateTotal: '6000000000',
        cap: '1800000000',
        investorCount: 2,
      });
    });

    it("caps with the province's own rule when the directory knows the project's province", async () => {
      const [national] = await dataSource.query(
        `SELECT rule_id, programme, legal_source_number, legal_source_name FROM programme_rule_versions WHERE id = $1`,
        [nationalCap],
      );
      const provincial = uuidv7();
      await dataSource.query(
        `INSERT INTO programme_rule_versions (id, rule_id, kind, programme, province_code, basis_points,
           effective_from, legal_source_number, legal_source_name, reason, recorded_at)
         VALUES ($1, $2, 'coinvestment_cap', $3, '79', 2500, '2020-01-01', $4, $5, 'Trần riêng của tỉnh', now())`,
        [
          provincial,
          national.rule_id,
          national.programme,
          national.legal_source_number,
          national.legal_source_name,
        ],
      );
      const projectId = await publishedProject('79');
      await recorded(commitment(projectId, { amount: (2n * BILLION).toString() }));
      expect((await readLead(officer().auth, await liveLeadOf(projectId))).body).toMatchObject({
        privateTotal: '2000000000',
        cap: '500000000',
        capBp: 2500,
        ruleVersionId: provincial,
      });
    });

    it('opens nothing for an unwilling investor or a state fund, yet consumes their events', async () => {
      const projectId = await publishedProject();
      await recorded(commitment(projectId, { coinvestWithState: false }));
      await recorded(
        commitment(projectId, { investorKind: 'state_fund', investorName: 'Quỹ Khởi nghiệp tỉnh' }),
      );
      expect(await leadIdsOf(projectId)).toEqual([]);
    });

    it('applies a replayed event once', async () => {
      const projectId = await publishedProject();
      const envelope = await recorded(commitment(projectId));
      const duplicatesBefore = await consumedCount('duplicate');
      await sendEvent(producer, TOPICS.matching.name, envelope);
      await eventually(
        'the replay to be read',
        async () => (await consumedCount('duplicate')) > duplicatesBefore,
      );

      const leadId = await liveLeadOf(projectId);
      expect((await readLead(officer().auth, leadId)).body).toMatchObject({ privateTotal: '3000000000' });
      const [{ n }] = await dataSource.query(
        'SELECT count(*)::int AS n FROM coinvestment_lead_commitments WHERE lead_id = $1',
        [leadId],
      );
      expect(n).toBe(1);
      expect((await fundingTap.waitFor(leadId, 1)).map((event) => event.envelope.type)).toEqual([
        'funding.coinvestment_lead.opened',
      ]);
    });

    it('opens one lead for two commitments on one project taken in at once, counting both', async () => {
      const projectId = await publishedProject();
      const intake = app.get(LeadIntake);
      const unitOfWork = app.get(UnitOfWork);
      const payloads = [
        commitment(projectId),
        commitment(projectId, { investorKind: 'enterprise', amount: (1n * BILLION).toString() }),
      ] as CommitmentRecordedPayload[];
      await Promise.all(
        payloads.map((payload) => unitOfWork.run((tx) => intake.record(tx, uuidv7(), payload))),
      );
      const [leadId, ...others] = await leadIdsOf(projectId);
      expect(others).toEqual([]);
      expect((await readLead(officer().auth, leadId as string)).body).toMatchObject({
        privateTotal: '4000000000',
        cap: '1200000000',
        investors: [
          expect.objectContaining({ kind: 'private_venture_fund' }),
          expect.objectContaining({ kind: 'enterprise' }),
        ],
      });
    });

    it('sends a poison event to the dead-letter topic and goes on', async () => {
      const projectId = await publishedProject();
      const poison = commitment(projectId);
      const sent = await record({ ...poison, amount: 3_000_000_000 } as unknown as Commitment);
      const [letter] = await dlqTap.waitFor(poison.introductionId, 1);
      expect(letter?.headers['dlq-reason']).toBe('invalid');
      expect(letter?.envelope.id).toBe(sent.id);
      expect(await inboxed(sent.id)).toBe(0);
      expect(await leadIdsOf(projectId)).toEqual([]);
      // The consumer went on.
      await recorded(commitment(projectId));
      expect(await leadIdsOf(projectId)).toHaveLength(1);
    });
  });

  describe('for fund officers', () => {
    it('lets an officer take a lead on and close it, an approver read it, and refuses everyone else', async () => {
      const projectId = await publishedProject();
      await recorded(commitment(projectId));
      const leadId = await liveLeadOf(projectId);
      const takeOn = (auth: string) => http().post(`${LEADS}/${leadId}/take-on`).set('Authorization', auth);
      const close = (auth: string, body: object) =>
        http().post(`${LEADS}/${leadId}/close`).set('Authorization', auth).send(body);
      const reason = { reason: 'Dự án chưa đủ điều kiện doanh nghiệp khởi nghiệp sáng tạo.' };

      for (const role of [Role.Founder, Role.Investor]) {
        const who = signIn(role);
        expect((await readLead(who.auth, leadId)).status).toBe(403);
        expect((await http().get(LEADS).set('Authorization', who.auth)).status).toBe(403);
        expect((await takeOn(who.auth)).status).toBe(403);
        expect((await close(who.auth, reason)).status).toBe(403);
      }
      const approver = signIn(Role.FundApprover);
      expect((await readLead(approver.auth, leadId)).status).toBe(200);
      expect((await takeOn(approver.auth)).status).toBe(403);

      const taker = officer();
      const taken = await takeOn(taker.auth);
      expect(taken.status).toBe(200);
      expect(taken.body).toMatchObject({ status: 'taken', takenBy: taker.user.id });
      expect(Date.parse(taken.body.takenAt)).not.toBeNaN();
      const racing = await publishedProject();
      await recorded(commitment(racing));
      const raced = await liveLeadOf(racing);
      const outcomes = await Promise.all(
        [officer(), officer()].map((who) =>
          http().post(`${LEADS}/${raced}/take-on`).set('Authorization', who.auth),
        ),
      );
      expect(outcomes.map((outcome) => outcome.status).sort()).toEqual([200, 409]);

      for (const again of [taker, officer()]) {
        const twice = await takeOn(again.auth);
        expect(twice.status).toBe(409);
        expect(twice.body).toMatchObject({
          code: 'COINVESTMENT_LEAD_STATUS_CONFLICT',
          currentStatus: 'taken',
        });
      }

      const noReason = await close(taker.auth, {});
      expect(noReason.status).toBe(400);
      expect(JSON.stringify(noReason.body)).toContain('reason');
      const closed = await close(taker.auth, reason);
      expect(closed.status).toBe(200);
      expect(closed.body).toMatchObject({
        status: 'closed',
        takenBy: taker.user.id,
        closedBy: taker.user.id,
        closeReason: reason.reason,
        applicationId: null,
      });
      expect((await close(taker.auth, reason)).status).toBe(409);
      expect((await takeOn(taker.auth)).body.code).toBe('COINVESTMENT_LEAD_STATUS_CONFLICT');

      const events = await fundingTap.waitFor(leadId, 3);
      expect(events.map((event) => event.envelope.type)).toEqual([
        'funding.coinvestment_lead.opened',
        'funding.coinvestment_lead.taken',
        'funding.coinvestment_lead.closed',
      ]);
      expect(events[1]?.envelope).toMatchObject({ actor: { userId: taker.user.id } });
      expect(events[2]?.envelope.payload).toMatchObject({ closedBy: taker.user.id, reason: reason.reason });

      for (const unknown of [uuidv7(), 'not-a-lead']) {
        const missing = await readLead(taker.auth, unknown);
        expect(missing.status).toBe(404);
        expect(missing.body.code).toBe('COINVESTMENT_LEAD_NOT_FOUND');
        expect(
          (await http().post(`${LEADS}/${unknown}/take-on`).set('Authorization', taker.auth)).status,
        ).toBe(404);
      }
    });

    it('lists leads newest first, by status, in cursor pages', async () => {
      const projects = [await publishedProject(), await publishedProject(), await publishedProject()];
      for (const projectId of projects) await recorded(commitment(projectId));
      const newestFirst = [...(await Promise.all(projects.map(liveLeadOf)))].reverse();
      const auth = officer().auth;

      const first = await http().get(LEADS).query({ status: 'open', limit: 2 }).set('Authorization', auth);
      expect(first.status).toBe(200);
      expect(first.body.items.map((lead: { id: string }) => lead.id)).toEqual(newestFirst.slice(0, 2));
      const second = await http()
        .get(LEADS)
        .query({ status: 'open', limit: 2, cursor: first.body.nextCursor })
        .set('Authorization', auth);
      expect(second.body.items[0].id).toBe(newestFirst[2]);

      const closedOnly = await http().get(LEADS).query({ status: 'closed' }).set('Authorization', auth);
      expect(closedOnly.body.items.every((lead: { status: string }) => lead.status === 'closed')).toBe(true);
      expect(closedOnly.body.items.map((lead: { id: string }) => lead.id)).not.toContain(newestFirst[0]);

      const badStatus = await http().get(LEADS).query({ status: 'pending' }).set('Authorization', auth);
      expect(badStatus.status).toBe(400);
      expect(JSON.stringify(badStatus.body)).toContain('status');
      const badCursor = await http()
        .get(LEADS)
        .query({ cursor: 'bm90LWEtY3Vyc29y' })
        .set('Authorization', auth);
      expect(badCursor.status).toBe(400);
      expect(JSON.stringify(badCursor.body)).toContain('cursor');
    });
  });

  describe('a co-investment proposal opened from a lead', () => {
    const newCoinvestmentCall = async () => {
      const fundId = uuidv7();
      const callId = uuidv7();
      const now = new Date();
      const budget = 100n * BILLION;
      await dataSource.query(
        `INSERT INTO funds (id, kind, name, owner_agency, province_code, capital_central_budget,
           capital_provincial_budget, capital_private, capital_association, version, created_by, created_at, updated_at)
         VALUES ($1, 'provincial_venture_fund', 'Quỹ Đắk Lắk', 'UBND tỉnh Đắk Lắk', '66', 0, 40000000000, 60000000000,
           0, 1, $2, $3, $3)`,
        [fundId, uuidv7(), now],
      );
      await dataSource.query(
        `INSERT INTO funding_calls (id, fund_id, fiscal_year, title, description, status, version, budget, committed,
           support_categories, eligible_applicant_kinds, eligible_province_codes, eligible_target_groups,
           published_project_required, allocation_rule, appraisal_rubric, opens_at, closes_at, created_by,
           created_at, updated_at)
         VALUES ($1, $2, 2026, 'Đồng đầu tư 2026', 'Đồng đầu tư khởi nghiệp', 'open', 2, $3, 0,
           '{state_coinvestment}', '{}', '{}', '{}', true, 'first_come', '{"criteria":[],"scale":{"min":0,"max":10}}',
           $4, $5, $6, $7, $7)`,
        [
          callId,
          fundId,
          budget.toString(),
          new Date(Date.now() - 86_400_000),
          new Date(Date.now() + 30 * 86_400_000),
          uuidv7(),
          now,
        ],
      );
      await postOpenCallBudget(app, fundId, callId, budget);
      return callId;
    };

    const propose = (auth: string, body: object) =>
      http().post('/api/v1/funding/coinvestments').set('Authorization', auth).send(body);

    const privateInvestorsOf = (applicationId: string) =>
      dataSource.query(
        `SELECT name, kind, amount, to_char(chose_on, 'YYYY-MM-DD') AS chose_on
           FROM coinvestment_private_investors WHERE application_id = $1 ORDER BY position`,
        [applicationId],
      );

    it("takes the lead's investors, closes and links the lead, and is approved within the cap; a later same-amount commitment opens nothing, a new one a new lead", async () => {
      const projectId = await publishedProject();
      const fund = commitment(projectId, {
        amount: (2n * BILLION).toString(),
        recordedAt: '2026-10-01T03:00:00.000Z',
      });
      await recorded(fund);
      await recorded(
        commitment(projectId, {
          investorKind: 'angel',
          investorName: 'Nguyễn Văn An',
          amount: (1n * BILLION).toString(),
          recordedAt: '2026-10-02T03:00:00.000Z',
        }),
      );
      const leadId = await liveLeadOf(projectId);
      const callId = await newCoinvestmentCall();
      const proposer = officer();
      expect(
        (await http().post(`${LEADS}/${leadId}/take-on`).set('Authorization', proposer.auth)).status,
      ).toBe(200);

      const opened = await propose(proposer.auth, {
        callId,
        projectId,
        applicantKind: 'innovative_startup',
        amount: '900000000',
        leadId,
      });
      expect(opened.status).toBe(201);
      expect(opened.body).toMatchObject({
        kind: 'coinvestment',
        status: 'submitted',
        applicantId: ownerOf(projectId),
      });
      const applicationId = opened.body.id as string;
      expect(await privateInvestorsOf(applicationId)).toEqual([
        {
          name: 'Quỹ Đầu tư Mạo hiểm Sông Hồng',
          kind: 'private_venture_fund',
          amount: '2000000000',
          chose_on: '2026-10-01',
        },
        { name: 'Nguyễn Văn An', kind: 'angel_investor', amount: '1000000000', chose_on: '2026-10-02' },
      ]);
      const lead = (await readLead(proposer.auth, leadId)).body;
      expect(lead).toMatchObject({
        status: 'closed',
        closedBy: proposer.user.id,
        closeReason: null,
        applicationId,
      });
      const closed = (await fundingTap.waitFor(leadId, 3)).at(-1);
      expect(closed?.envelope).toMatchObject({
        type: 'funding.coinvestment_lead.closed',
        payload: { leadId, applicationId, closedBy: proposer.user.id },
      });

      const again = await propose(proposer.auth, {
        callId,
        projectId,
        applicantKind: 'innovative_startup',
        amount: '100000000',
        leadId,
      });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('COINVESTMENT_LEAD_STATUS_CONFLICT');

      // The existing rule holds at approval: within 30 % of the lead's 3 000 000 000 ₫.
      const approver = signIn(Role.FundApprover);
      const limit = await http()
        .post(`/api/v1/funding/approval-limits/${approver.user.id}`)
        .set('Authorization', signIn(Role.Admin).auth)
        .send({ limit: (10n * BILLION).toString(), reason: 'Quyết định uỷ quyền 12/QĐ-UBND' });
      expect(limit.status).toBe(201);
      const approved = await http()
        .post(`/api/v1/funding/applications/${applicationId}/decision`)
        .set('Authorization', approver.auth)
        .set('Idempotency-Key', uuidv7())
        .send({ outcome: 'approved' });
      expect(approved.status).toBe(201);
      expect(approved.body.ruleVersionIds).toContain(nationalCap);

      // The fund invests what it committed: nothing new for an officer. A new investor: a new lead.
      await recorded(laterOf(fund, 24 * 60, { stage: 'invested' }));
      expect(await leadIdsOf(projectId)).toEqual([leadId]);
      const newcomer = commitment(projectId, { amount: (4n * BILLION).toString() });
      await recorded(newcomer);
      const next = await liveLeadOf(projectId);
      expect(next).not.toBe(leadId);
      expect((await readLead(proposer.auth, next)).body).toMatchObject({
        status: 'open',
        privateTotal: '4000000000',
        cap: '1200000000',
        investors: [expect.objectContaining({ introductionId: newcomer.introductionId })],
      });
    });

    it('refuses a lead of another project, an unknown lead, and a lead without a private venture fund unless the body names the investors', async () => {
      const projectId = await publishedProject();
      const otherProjectId = await publishedProject();
      await recorded(commitment(projectId, { investorKind: 'angel', investorName: 'Nguyễn Văn An' }));
      const leadId = await liveLeadOf(projectId);
      const callId = await newCoinvestmentCall();
      const auth = officer().auth;
      const body = { callId, projectId, applicantKind: 'innovative_startup', amount: '300000000', leadId };

      const otherProject = await propose(auth, { ...body, projectId: otherProjectId });
      expect(otherProject.status).toBe(409);
      expect(otherProject.body).toMatchObject({
        code: 'COINVESTMENT_LEAD_OTHER_PROJECT',
        leadProjectId: projectId,
      });
      const unknown = await propose(auth, { ...body, leadId: uuidv7() });
      expect(unknown.status).toBe(409);
      expect(unknown.body.code).toBe('COINVESTMENT_LEAD_UNKNOWN');
      const angelsOnly = await propose(auth, body);
      expect(angelsOnly.status).toBe(400);
      expect(JSON.stringify(angelsOnly.body)).toContain('privateInvestors');
      const nullLead = await propose(auth, { ...body, leadId: null });
      expect(nullLead.status).toBe(400);
      expect(JSON.stringify(nullLead.body)).toContain('leadId');
      const noLeadNoInvestors = await propose(auth, { ...body, leadId: undefined });
      expect(noLeadNoInvestors.status).toBe(400);
      expect(JSON.stringify(noLeadNoInvestors.body)).toContain('privateInvestors');
      const [{ n }] = await dataSource.query(
        'SELECT count(*)::int AS n FROM applications WHERE project_id IN ($1, $2)',
        [projectId, otherProjectId],
      );
      expect(n).toBe(0);
      expect((await readLead(auth, leadId)).body.status).toBe('open');

      const named = {
        name: 'Quỹ Đầu tư Mạo hiểm Mekong',
        kind: 'private_venture_fund',
        amount: (2n * BILLION).toString(),
        choseOn: '2026-10-03',
      };
      const withInvestors = await propose(auth, { ...body, privateInvestors: [named] });
      expect(withInvestors.status).toBe(201);
      expect(await privateInvestorsOf(withInvestors.body.id)).toEqual([
        { name: named.name, kind: named.kind, amount: named.amount, chose_on: named.choseOn },
      ]);
      expect((await readLead(auth, leadId)).body).toMatchObject({
        status: 'closed',
        applicationId: withInvestors.body.id,
      });
    });
  });

  describe('the database', () => {
    it('leaves nothing for the entities to add after the migrations (no missing migration)', async () => {
      expect(await pendingSchemaChanges(dataSource)).toEqual([]);
    });

    it('holds one live lead per project, never reopens or changes a closed lead, and never counts a state fund', async () => {
      const projectId = await publishedProject();
      await recorded(commitment(projectId));
      const leadId = await liveLeadOf(projectId);
      const insertLead = () =>
        dataSource.query(
          `INSERT INTO coinvestment_leads (id, project_id, project_owner_id, status, private_total, opened_at, updated_at)
           VALUES ($1, $2, $3, 'open', 1000000000, now(), now())`,
          [uuidv7(), projectId, ownerOf(projectId)],
        );
      await expect(insertLead()).rejects.toThrow(/UQ_coinvestment_leads_project_live/);
      await expect(
        dataSource.query(
          `INSERT INTO coinvestment_lead_commitments (event_id, lead_id, introduction_id, investor_id, investor_name,
             investor_kind, kind, amount, stage, recorded_at, received_at)
           VALUES ($1, $2, $3, $4, 'Quỹ Khởi nghiệp tỉnh', 'state_fund', 'private_venture_fund', 1, 'committed', now(), now())`,
          [uuidv7(), leadId, uuidv7(), uuidv7()],
        ),
      ).rejects.toThrow(/CHK_coinvestment_lead_commitments_investor_kind/);
      await expect(
        dataSource.query(`UPDATE coinvestment_leads SET status = 'closed' WHERE id = $1`, [leadId]),
      ).rejects.toThrow(/CHK_coinvestment_leads_closed_shape/);

      await http().post(`${LEADS}/${leadId}/take-on`).set('Authorization', officer().auth).expect(200);
      await expect(
        dataSource.query(
          `UPDATE coinvestment_leads SET status = 'open', taken_by = NULL, taken_at = NULL WHERE id = $1`,
          [leadId],
        ),
      ).rejects.toThrow(/never reopens/);
      await http()
        .post(`${LEADS}/${leadId}/close`)
        .set('Authorization', officer().auth)
        .send({ reason: 'Nhà đầu tư rút lui.' })
        .expect(200);
      await expect(
        dataSource.query(`UPDATE coinvestment_leads SET private_total = 1 WHERE id = $1`, [leadId]),
      ).rejects.toThrow(/closed co-investment lead never changes/);
      await expect(
        dataSource.query(
          `INSERT INTO coinvestment_lead_commitments (event_id, lead_id, introduction_id, investor_id, investor_name,
             investor_kind, kind, amount, stage, recorded_at, received_at)
           VALUES ($1, $2, $3, $4, 'Quỹ A', 'venture_fund', 'private_venture_fund', 1, 'committed', now(), now())`,
          [uuidv7(), leadId, uuidv7(), uuidv7()],
        ),
      ).rejects.toThrow(/nothing is added to a closed/);
      await expect(
        dataSource.query('DELETE FROM coinvestment_lead_commitments WHERE lead_id = $1', [leadId]),
      ).rejects.toThrow(/never changed or deleted/);
      // Closed, the project may have a live lead again.
      await insertLead();
    });
  });
});
