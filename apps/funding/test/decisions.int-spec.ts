import 'reflect-metadata';
import { jest } from '@jest/globals';
import { AccessTokenService, type AuthenticatedUser } from '@khoinghiep/auth';
import { Role, TOPICS } from '@khoinghiep/contracts';
import { pendingSchemaChanges } from '@khoinghiep/persistence';
import { EventTap, freshDatabase } from '@khoinghiep/testing';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { startFundingApp } from './support/funding-app.js';
import { postOpenCallBudget } from './support/open-call-budget.js';

// Decisions against real PostgreSQL (own database, migrated from scratch) and the real Kafka broker, through the
// routes: approval limits, approvals and rejections with their refusals, 100 parallel approvals against a call with
// room for 10, the ledger still balancing, the ranked list and bulk approval, events read back on funding.events.

jest.setTimeout(120_000);

const MILLION = 1_000_000n;

describe('decisions against PostgreSQL and Kafka', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let tap: EventTap;
  let http: () => ReturnType<typeof request>;
  let tokens: AccessTokenService;

  beforeAll(async () => {
    app = await startFundingApp(await freshDatabase('funding_decisions_int'));
    dataSource = app.get(DataSource);
    tokens = app.get(AccessTokenService);
    http = () => request(app.getHttpServer());
    admin = signIn(Role.Admin);
    tap = new EventTap(TOPICS.funding.name);
    await tap.start();
  }, 90_000);

  afterAll(async () => {
    await tap?.stop();
    await app?.close();
  });

  /** A signed-in user; `otp` adds the second factor to the token, as the gateway does after a TOTP code. */
  const signIn = (role: Role, otp = true) => {
    const user: AuthenticatedUser = {
      id: uuidv7(),
      email: `${role}-${uuidv7()}@itest.vn`,
      name: role,
      roles: [role],
      ...(otp ? { amr: ['pwd', 'otp'] as AuthenticatedUser['amr'] } : {}),
    };
    return { user, auth: `Bearer ${tokens.issue(user).accessToken}` };
  };
  let admin: ReturnType<typeof signIn>;

  const setLimit = (approverId: string, limit: bigint) =>
    http()
      .post(`/api/v1/funding/approval-limits/${approverId}`)
      .set('Authorization', admin.auth)
      .send({ limit: limit.toString(), reason: 'Quyết định uỷ quyền 12/QĐ-UBND' });

  const approver = async (limit: bigint) => {
    const signedIn = signIn(Role.FundApprover);
    expect((await setLimit(signedIn.user.id, limit)).status).toBe(201);
    return signedIn;
  };

  const newCall = async (budget: bigint, allocationRule: 'first_come' | 'score' = 'first_come') => {
    const fundId = uuidv7();
    const callId = uuidv7();
    const now = new Date();
    await dataSource.query(
      `INSERT INTO funds (id, kind, name, owner_agency, province_code, capital_central_budget,
         capital_provincial_budget, capital_private, capital_association, version, created_by, created_at, updated_at)
       VALUES ($1, 'khuyen_cong_local', 'Khuyến công Đắk Lắk', 'Sở Công Thương', '66', 0, 90000000000, 0, 0, 1, $2, $3, $3)`,
      [fundId, uuidv7(), now],
    );
    await dataSource.query(
      `INSERT INTO funding_calls (id, fund_id, fiscal_year, title, description, status, version, budget, committed,
         support_categories, eligible_applicant_kinds, eligible_province_codes, eligible_target_groups,
         published_project_required, allocation_rule, appraisal_rubric, opens_at, closes_at, created_by,
         created_at, updated_at)
       VALUES ($1, $2, 2026, 'Đợt 1/2026', 'Hỗ trợ máy móc', 'open', 2, $3, 0, '{kc_machinery}', '{}', '{}', '{}',
         true, $4, '{"criteria":[],"scale":{"min":0,"max":10}}', $5, $6, $7, $8, $8)`,
      [
        callId,
        fundId,
        budget.toString(),
        allocationRule,
        new Date(Date.now() - 86_400_000),
        new Date(Date.now() + 30 * 86_400_000),
        uuidv7(),
        now,
      ],
    );
    await postOpenCallBudget(app, fundId, callId, budget);
    return { fundId, callId };
  };

  /** A submitted, eligible application of a published project in Đắk Lắk, asking `requested` for machinery. */
  const submitted = async (
    callId: string,
    requested: bigint,
    options: {
      applicantId?: string;
      submittedAt?: Date;
      priorityGroups?: string[];
      state?: 'draft' | 'ineligible';
    } = {},
  ) => {
    const projectId = uuidv7();
    const applicationId = uuidv7();
    const applicantId = options.applicantId ?? uuidv7();
    const now = new Date();
    await dataSource.query(
      `INSERT INTO project_directory (project_id, owner_id, published, title, kind, sector, province_code,
         target_groups, last_version, last_event_type, updated_at)
       VALUES ($1, $2, true, 'Cà phê Buôn Ma Thuột', 'rural_industry', 'manufacturing', '66', '{}', 1,
         'projects.project.published', $3)`,
      [projectId, applicantId, now],
    );
    await dataSource.query(
      `INSERT INTO applications (id, call_id, project_id, applicant_id, kind, status, version, applicant_kind,
         declared_priority_groups, co_financing_central, co_financing_provincial, co_financing_own, created_at,
         updated_at)
       VALUES ($1, $2, $3, $4, 'grant', 'draft', 1, 'rural_industry', $5, 0, $6, $6, $7, $7)`,
      [
        applicationId,
        callId,
        projectId,
        applicantId,
        options.priorityGroups ?? [],
        requested.toString(),
        now,
      ],
    );
    await dataSource.query(
      `INSERT INTO application_budget_lines (application_id, position, category, description, cost, requested,
         own_contribution) VALUES ($1, 0, 'kc_machinery', 'Máy rang cà phê', $2, $3, $3)`,
      [applicationId, (requested * 2n).toString(), requested.toString()],
    );
    if (options.state !== 'draft')
      await dataSource.query(
        `UPDATE applications SET status = 'submitted', eligible = $3, eligibility_checked_at = $2,
           submitted_at = $2, version = 2 WHERE id = $1`,
        [applicationId, options.submittedAt ?? now, options.state !== 'ineligible'],
      );
    return { applicationId, projectId, applicantId };
  };

  const decide = (auth: string, applicationId: string, body: object, key: string = uuidv7()) =>
    http()
      .post(`/api/v1/funding/applications/${applicationId}/decision`)
      .set('Authorization', auth)
      .set('Idempotency-Key', key)
      .send(body);

  const balance = async (kind: string, reference: string): Promise<bigint> => {
    const rows: { balance: string }[] = await dataSource.query(
      'SELECT balance FROM ledger_balances WHERE account_kind = $1 AND account_reference = $2',
      [kind, reference],
    );
    return BigInt(rows[0]?.balance ?? '0');
  };
  const committedOf = async (callId: string): Promise<bigint> => {
    const rows: { committed: string }[] = await dataSource.query(
      'SELECT committed FROM funding_calls WHERE id = $1',
      [callId],
    );
    return BigInt(rows[0]?.committed ?? '-1');
  };
  const trialBalanceTotal = async () => {
    const rows: { total: string }[] = await dataSource.query(
      'SELECT coalesce(sum(balance), 0)::text AS total FROM ledger_balances',
    );
    return rows[0]?.total;
  };

  it('leaves nothing for the entities to add after the migrations (no missing migration)', async () => {
    expect(await pendingSchemaChanges(dataSource)).toEqual([]);
  });

  it('has the database refuse what a decision must never be, whatever the code does', async () => {
    const { callId } = await newCall(100n * MILLION);
    const { applicationId, applicantId } = await submitted(callId, 50n * MILLION);
    const { auth, user } = await approver(100n * MILLION);
    const approved = await decide(auth, applicationId, { outcome: 'approved', amount: '40000000' });
    expect(approved.status).toBe(201);

    await expect(
      dataSource.query('UPDATE decisions SET approved_amount = 1 WHERE id = $1', [approved.body.id]),
    ).rejects.toThrow(/decisions is append-only: UPDATE refused/);
    await expect(
      dataSource.query('DELETE FROM approval_limits WHERE approver_id = $1', [user.id]),
    ).rejects.toThrow(/approval_limits is append-only: DELETE refused/);
    await expect(
      dataSource.query('UPDATE funding_calls SET committed = budget + 1 WHERE id = $1', [callId]),
    ).rejects.toThrow(/CHK_funding_calls_committed/);

    const other = await submitted(callId, 50n * MILLION);
    const [limit] = await dataSource.query('SELECT id FROM approval_limits WHERE approver_id = $1', [
      user.id,
    ]);
    const insertDecision = (decidedBy: string, amount: string, applicant = other.applicantId) =>
      dataSource.query(
        `INSERT INTO decisions (id, application_id, call_id, outcome, requested_amount, approved_amount,
           rule_version_ids, approval_limit_id, applicant_id, decided_by, decided_on, decided_at)
         VALUES ($1, $2, $3, 'approved', 50000000, $4, '{}', $5, $6, $7, '2026-11-29', now())`,
        [uuidv7(), other.applicationId, callId, amount, limit.id, applicant, decidedBy],
      );
    await expect(insertDecision(user.id, '60000000')).rejects.toThrow(/CHK_decisions_approved_shape/);
    await expect(insertDecision(user.id, '10000000', user.id)).rejects.toThrow(/CHK_decisions_not_own/);
    const stranger = uuidv7();
    await expect(insertDecision(stranger, '10000000')).rejects.toThrow(/above the approval limit/);
    expect(applicantId).not.toBe(user.id);
  });

  it('keeps every approval limit an admin sets, newest in force, and lets only admins set one', async () => {
    const approverId = uuidv7();
    expect((await setLimit(approverId, 100n * MILLION)).status).toBe(201);
    const raised = await setLimit(approverId, 500n * MILLION);
    expect(raised.body).toMatchObject({ approverId, limit: '500000000', setBy: admin.user.id });
    const history = await http()
      .get(`/api/v1/funding/approval-limits/${approverId}`)
      .set('Authorization', admin.auth);
    expect(history.status).toBe(200);
    expect(history.body.map((row: { limit: string }) => row.limit)).toEqual(['500000000', '100000000']);
    const byApprover = await http()
      .post(`/api/v1/funding/approval-limits/${approverId}`)
      .set('Authorization', signIn(Role.FundApprover).auth)
      .send({ limit: '999999999999' });
    expect(byApprover.status).toBe(403);
    const negative = await setLimit(approverId, -1n);
    expect(negative.status).toBe(400);
    expect(negative.body.errors?.[0]?.field).toBe('limit');
  });

  it('approves an application: grant, call committed, ledger moved, event with integer strings; a replay is the same answer', async () => {
    const { callId } = await newCall(1_000n * MILLION);
    const { applicationId, applicantId, projectId } = await submitted(callId, 250n * MILLION);
    const { user, auth } = await approver(2_000n * MILLION);
    const key = uuidv7();

    const first = await decide(auth, applicationId, { outcome: 'approved', amount: '200000000' }, key);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      applicationId,
      callId,
      outcome: 'approved',
      requestedAmount: '250000000',
      approvedAmount: '200000000',
      decidedBy: user.id,
    });
    expect(first.body.ruleVersionIds).toHaveLength(1);

    const replay = await decide(auth, applicationId, { outcome: 'approved', amount: '200000000' }, key);
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);

    expect(await committedOf(callId)).toBe(200n * MILLION);
    expect(await balance('call_available', callId)).toBe(800n * MILLION);
    expect(await balance('grant_undisbursed', first.body.grantId)).toBe(200n * MILLION);
    expect(await trialBalanceTotal()).toBe('0');
    const [application] = await dataSource.query('SELECT status FROM applications WHERE id = $1', [
      applicationId,
    ]);
    expect(application.status).toBe('approved');

    const events = await tap.waitFor(applicationId, 1);
    expect(events.map((event) => event.envelope.type)).toEqual(['funding.application.approved']);
    expect(events[0]?.key).toBe(applicationId);
    expect(events[0]?.envelope.payload).toMatchObject({
      applicationId,
      callId,
      grantId: first.body.grantId,
      requestedAmount: '250000000',
      approvedAmount: '200000000',
      callCommitted: '200000000',
      callRemaining: '800000000',
    });

    const grantPath = `/api/v1/funding/grants/${first.body.grantId}`;
    const grantee = tokens.issue({
      id: applicantId,
      email: 'grantee@itest.vn',
      name: 'grantee',
      roles: [Role.Founder],
    });
    const seen = await http().get(grantPath).set('Authorization', `Bearer ${grantee.accessToken}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({
      id: first.body.grantId,
      applicationId,
      decisionId: first.body.id,
      projectId,
      beneficiaryId: applicantId,
      amount: '200000000',
      ruleVersionIds: first.body.ruleVersionIds,
    });
    expect((await http().get(grantPath).set('Authorization', signIn(Role.Founder).auth)).status).toBe(404);

    const again = await decide(auth, applicationId, { outcome: 'rejected', reason: 'Đổi ý sau khi duyệt' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('DECISION_ALREADY_MADE');
  });

  it('rejects with a reason, and says so on funding.events', async () => {
    const { callId } = await newCall(1_000n * MILLION);
    const { applicationId } = await submitted(callId, 100n * MILLION);
    const { auth } = await approver(10n * MILLION);
    const noReason = await decide(auth, applicationId, { outcome: 'rejected' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors?.[0]?.field).toBe('reason');
    const rejected = await decide(auth, applicationId, {
      outcome: 'rejected',
      reason: 'Thiết bị không phù hợp ngành nghề được hỗ trợ.',
    });
    expect(rejected.status).toBe(201);
    expect(rejected.body).toMatchObject({ outcome: 'rejected', approvedAmount: null, grantId: null });
    const events = await tap.waitFor(applicationId, 1);
    expect(events[0]?.envelope).toMatchObject({
      type: 'funding.application.rejected',
      payload: { reason: 'Thiết bị không phù hợp ngành nghề được hỗ trợ.', requestedAmount: '100000000' },
    });
    expect(await committedOf(callId)).toBe(0n);
  });

  it('refuses, with a clear problem and nothing written: over the limit, over the ceiling, over the request, own application, no second factor', async () => {
    const { callId } = await newCall(5_000n * MILLION);
    const { auth, user } = await approver(100n * MILLION);

    const big = await submitted(callId, 150n * MILLION);
    const overLimit = await decide(auth, big.applicationId, { outcome: 'approved' });
    expect(overLimit.status).toBe(409);
    expect(overLimit.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(overLimit.body).toMatchObject({
      type: 'urn:khoinghiep-hub:problem:over-approval-limit',
      code: 'OVER_APPROVAL_LIMIT',
    });
    expect(overLimit.body.detail).toContain('150000000');

    const { auth: senior } = await approver(10_000n * MILLION);
    // The seeded ceiling of kc_machinery is 300 million đồng (Circular 28/2018).
    const overCeiling = await submitted(callId, 400n * MILLION);
    const ceiling = await decide(senior, overCeiling.applicationId, { outcome: 'approved' });
    expect(ceiling.status).toBe(422);
    expect(ceiling.body).toMatchObject({ code: 'DECISION_AMOUNT_OVER_CEILING', allowed: '300000000' });
    const withinCeiling = await decide(senior, overCeiling.applicationId, {
      outcome: 'approved',
      amount: '300000000',
    });
    expect(withinCeiling.status).toBe(201);

    const small = await submitted(callId, 50n * MILLION);
    const overRequest = await decide(senior, small.applicationId, {
      outcome: 'approved',
      amount: '50000001',
    });
    expect(overRequest.status).toBe(422);
    expect(overRequest.body).toMatchObject({ code: 'DECISION_AMOUNT_OVER_REQUESTED' });
    expect(overRequest.body.errors?.[0]?.field).toBe('amount');

    const own = await submitted(callId, 10n * MILLION, { applicantId: user.id });
    const ownDecision = await decide(auth, own.applicationId, { outcome: 'approved' });
    expect(ownDecision.status).toBe(422);
    expect(ownDecision.body.code).toBe('DECISION_OWN_APPLICATION');

    const passwordOnly = signIn(Role.FundApprover, false);
    await setLimit(passwordOnly.user.id, 10_000n * MILLION);
    const noSecondFactor = await decide(passwordOnly.auth, small.applicationId, { outcome: 'approved' });
    expect(noSecondFactor.status).toBe(403);
    expect(noSecondFactor.body.code).toBe('SECOND_FACTOR_REQUIRED');

    const noKey = await http()
      .post(`/api/v1/funding/applications/${small.applicationId}/decision`)
      .set('Authorization', senior)
      .send({ outcome: 'approved' });
    expect(noKey.status).toBe(400);
    expect(noKey.body.code).toBe('IDEMPOTENCY_KEY_REQUIRED');

    for (const state of ['draft', 'ineligible'] as const) {
      const undecidable = await submitted(callId, 10n * MILLION, { state });
      const refused = await decide(senior, undecidable.applicationId, { outcome: 'approved' });
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('DECISION_NOT_DECIDABLE');
    }

    const founder = signIn(Role.Founder);
    expect((await decide(founder.auth, small.applicationId, { outcome: 'approved' })).status).toBe(403);

    expect(await committedOf(callId)).toBe(300n * MILLION);
    const decisions = await dataSource.query('SELECT count(*)::int AS n FROM decisions WHERE call_id = $1', [
      callId,
    ]);
    expect(decisions[0].n).toBe(1);
  });

  it('gives exactly 10 approvals and 90 clear 409s to 100 parallel approvals against a call with room for 10', async () => {
    const { callId } = await newCall(1_000n * MILLION);
    const applications = [];
    for (let index = 0; index < 100; index += 1) applications.push(await submitted(callId, 100n * MILLION));
    const { auth } = await approver(10_000n * MILLION);

    const answers = await Promise.all(
      applications.map(({ applicationId }) => decide(auth, applicationId, { outcome: 'approved' })),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(10);
    expect(statuses.filter((status) => status === 409)).toHaveLength(90);
    const refusals = answers.filter((answer) => answer.status === 409);
    expect(new Set(refusals.map((answer) => answer.body.code))).toEqual(new Set(['CALL_BUDGET_EXCEEDED']));
    expect(refusals[0]?.body.detail).toBe('Phê duyệt 100000000 đồng nhưng đợt chỉ còn 0 đồng.');

    expect(await committedOf(callId)).toBe(1_000n * MILLION);
    expect(await balance('call_available', callId)).toBe(0n);
    const grants: { total: string; n: number }[] = await dataSource.query(
      'SELECT sum(amount)::text AS total, count(*)::int AS n FROM grants WHERE call_id = $1',
      [callId],
    );
    expect(grants[0]).toEqual({ total: '1000000000', n: 10 });
    expect(await trialBalanceTotal()).toBe('0');

    const exhausted = await tap.waitFor(callId, 1);
    await tap.readToEnd();
    expect(
      tap.events.filter((event) => event.envelope.aggregateId === callId).map((e) => e.envelope.type),
    ).toEqual(['funding.call.budget_exhausted']);
    expect(exhausted[0]?.envelope.payload).toMatchObject({ budget: '1000000000', committed: '1000000000' });
    const approvedEvents = tap.events.filter(
      (event) =>
        event.envelope.type === 'funding.application.approved' &&
        (event.envelope.payload as { callId?: string }).callId === callId,
    );
    expect(approvedEvents).toHaveLength(10);
  });

  it('ranks a call first come with priority groups first on a tie, and shows how far the budget reaches', async () => {
    const { callId } = await newCall(250n * MILLION);
    const at = new Date('2026-11-20T03:00:00.000Z');
    const later = new Date('2026-11-21T03:00:00.000Z');
    const first = await submitted(callId, 100n * MILLION, { submittedAt: at });
    const tiedPlain = await submitted(callId, 100n * MILLION, { submittedAt: later });
    const tiedWomen = await submitted(callId, 100n * MILLION, {
      submittedAt: later,
      priorityGroups: ['women_led'],
    });
    const { auth } = await approver(1n);

    const ranking = await http().get(`/api/v1/funding/calls/${callId}/ranking`).set('Authorization', auth);
    expect(ranking.status).toBe(200);
    expect(ranking.body).toMatchObject({ callId, allocationRule: 'first_come', rankedBy: 'first_come' });
    expect(ranking.body.remaining).toBe('250000000');
    expect(
      ranking.body.entries.map((entry: { applicationId: string; position: number; covered: boolean }) => [
        entry.applicationId,
        entry.position,
        entry.covered,
      ]),
    ).toEqual([
      [first.applicationId, 1, true],
      [tiedWomen.applicationId, 2, true],
      [tiedPlain.applicationId, 3, false],
    ]);
    expect(ranking.body.entries[1].reasonEn).toContain('priority group women_led');
    expect(ranking.body.entries[2].cumulativeRequested).toBe('300000000');

    const founder = signIn(Role.Founder);
    expect(
      (await http().get(`/api/v1/funding/calls/${callId}/ranking`).set('Authorization', founder.auth)).status,
    ).toBe(403);
  });

  it('ranks a score call by the appraisal weighted mean, unscored last, priority groups first on a tie', async () => {
    const { callId } = await newCall(1_000n * MILLION, 'score');
    const scored = async (mean: string | null, priorityGroups: string[] = []) => {
      const application = await submitted(callId, 100n * MILLION, { priorityGroups });
      if (mean === null) return application;
      const now = new Date();
      await dataSource.query(
        `INSERT INTO appraisals (application_id, call_id, rubric, status, version, opened_by, opened_at)
         VALUES ($1, $2, '{"criteria":[],"scale":{"min":0,"max":10}}', 'open', 1, $3, $4)`,
        [application.applicationId, callId, uuidv7(), now],
      );
      await dataSource.query(
        `INSERT INTO appraisal_assignments (id, application_id, appraiser_id, appraiser_name, assigned_by, assigned_at,
           declaration, declared_at, revision, weighted_mean, scored_at)
         VALUES ($1, $2, $3, 'Thẩm định viên', $4, $5, 'no_conflict', $5, 1, $6, $5)`,
        [uuidv7(), application.applicationId, uuidv7(), uuidv7(), now, mean],
      );
      return application;
    };
    const unscored = await scored(null);
    const seventy = await scored('70.00');
    const ninety = await scored('90.00');
    const seventyWomen = await scored('70.00', ['women_led']);
    const { auth } = await approver(1n);

    const ranking = await http().get(`/api/v1/funding/calls/${callId}/ranking`).set('Authorization', auth);
    expect(ranking.status).toBe(200);
    expect(ranking.body).toMatchObject({ allocationRule: 'score', rankedBy: 'score' });
    expect(ranking.body.entries.map((entry: { applicationId: string }) => entry.applicationId)).toEqual([
      ninety.applicationId,
      seventyWomen.applicationId,
      seventy.applicationId,
      unscored.applicationId,
    ]);
    expect(ranking.body.entries.map((entry: { score: string | null }) => entry.score)).toEqual([
      '90.00',
      '70.00',
      '70.00',
      null,
    ]);
    expect(ranking.body.entries[1].reasonVi).toContain('ưu tiên nhóm women_led');
  });

  it('approves a ranked list in order in bulk and stops cleanly where the budget or the limit runs out', async () => {
    const { callId } = await newCall(250n * MILLION);
    const list = [];
    for (let index = 0; index < 4; index += 1) list.push(await submitted(callId, 100n * MILLION));
    const { auth } = await approver(1_000n * MILLION);
    const bulk = (items: object[], who = auth) =>
      http()
        .post(`/api/v1/funding/calls/${callId}/bulk-approval`)
        .set('Authorization', who)
        .set('Idempotency-Key', uuidv7())
        .send({ items });

    const answer = await bulk([
      { applicationId: list[0]?.applicationId },
      { applicationId: list[1]?.applicationId, amount: '90000000' },
      { applicationId: list[2]?.applicationId },
      { applicationId: list[3]?.applicationId },
    ]);
    expect(answer.status).toBe(200);
    expect(answer.body.approved.map((one: { approvedAmount: string }) => one.approvedAmount)).toEqual([
      '100000000',
      '90000000',
    ]);
    expect(answer.body).toMatchObject({
      stopped: true,
      stoppedAtIndex: 2,
      stoppedAtApplicationId: list[2]?.applicationId,
      stopCode: 'CALL_BUDGET_EXCEEDED',
    });
    expect(answer.body.stopReasonEn).toContain('60000000');
    expect(answer.body.remaining).toBe('60000000');
    expect(await committedOf(callId)).toBe(190n * MILLION);
    expect(await balance('call_available', callId)).toBe(60n * MILLION);

    const { auth: junior } = await approver(50n * MILLION);
    const limited = await bulk(
      [
        { applicationId: list[2]?.applicationId, amount: '40000000' },
        { applicationId: list[3]?.applicationId },
      ],
      junior,
    );
    expect(limited.status).toBe(200);
    expect(limited.body.approved).toHaveLength(1);
    expect(limited.body).toMatchObject({ stopped: true, stoppedAtIndex: 1, stopCode: 'OVER_APPROVAL_LIMIT' });
    expect(limited.body.remaining).toBe('20000000');
    expect(await trialBalanceTotal()).toBe('0');
  });
});
