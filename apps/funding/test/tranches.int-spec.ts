import 'reflect-metadata';
import { jest } from '@jest/globals';
import { Role, TOPICS } from '@khoinghiep/contracts';
import { pendingSchemaChanges } from '@khoinghiep/persistence';
import { EventTap, freshDatabase } from '@khoinghiep/testing';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { startFundingApp } from './support/funding-app.js';
import { trancheFixtures } from './support/tranche-fixtures.js';

// Disbursement in tranches against real PostgreSQL (own database, migrated from scratch) and the real Kafka broker,
// through the routes: the whole khuyến công lifecycle (advance → acceptance → settlement with a return), maker ≠
// checker, the approver's limit, the second factor, parallel requests and payments never taking a grant past what
// was approved, the database refusing what the code must never do, the ledger balanced, events read back.

jest.setTimeout(180_000);

const MILLION = 1_000_000n;
const SHA = 'a'.repeat(64);

describe('tranches against PostgreSQL and Kafka', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let tap: EventTap;
  let http: () => ReturnType<typeof request>;

  beforeAll(async () => {
    app = await startFundingApp(await freshDatabase('tranches_int'));
    dataSource = app.get(DataSource);
    http = () => request(app.getHttpServer());
    fx = trancheFixtures(app);
    tap = new EventTap(TOPICS.funding.name);
    await tap.start();
  }, 90_000);

  afterAll(async () => {
    await tap?.stop();
    await app?.close();
  });

  let fx: ReturnType<typeof trancheFixtures>;
  const signIn: ReturnType<typeof trancheFixtures>['signIn'] = (...args) => fx.signIn(...args);
  const setLimit: ReturnType<typeof trancheFixtures>['setLimit'] = (...args) => fx.setLimit(...args);
  const approver: ReturnType<typeof trancheFixtures>['approver'] = (...args) => fx.approver(...args);
  const grantOf: ReturnType<typeof trancheFixtures>['grantOf'] = (...args) => fx.grantOf(...args);
  const post: ReturnType<typeof trancheFixtures>['post'] = (...args) => fx.post(...args);
  const requestTranche: ReturnType<typeof trancheFixtures>['requestTranche'] = (...args) =>
    fx.requestTranche(...args);
  const approveTranche: ReturnType<typeof trancheFixtures>['approveTranche'] = (...args) =>
    fx.approveTranche(...args);
  const payTranche: ReturnType<typeof trancheFixtures>['payTranche'] = (...args) => fx.payTranche(...args);
  const balance: ReturnType<typeof trancheFixtures>['balance'] = (...args) => fx.balance(...args);
  const trialBalanceTotal = () => fx.trialBalanceTotal();
  const committedOf: ReturnType<typeof trancheFixtures>['committedOf'] = (...args) => fx.committedOf(...args);

  it('leaves nothing for the entities to add after the migrations (no missing migration)', async () => {
    expect(await pendingSchemaChanges(dataSource)).toEqual([]);
  });

  it('runs advance → acceptance → settlement with a return: amounts, ledger, call, founder view and events', async () => {
    const { grantId, callId, applicantId } = await grantOf(200n * MILLION);
    const officer = signIn([Role.FundOfficer]);
    const checker = await approver(1_000n * MILLION);

    const advance = await requestTranche(officer.auth, grantId, { kind: 'advance' });
    expect(advance.status).toBe(201);
    expect(advance.body).toMatchObject({
      grantId,
      kind: 'advance',
      sequence: 1,
      status: 'requested',
      amount: '140000000', // 70 % of 200 million for training (Circular 36/2013)
      returnAmount: '0',
      advanceRateBp: 7000,
      requestedBy: officer.user.id,
    });
    expect(advance.body.ruleVersionId).toEqual(expect.any(String));
    const approved = await approveTranche(checker.auth, advance.body.id);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', decidedBy: checker.user.id });
    const payKey = uuidv7();
    const paid = await payTranche(officer.auth, advance.body.id, 'UNC-2026-000001', payKey);
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ status: 'paid', paymentReference: 'UNC-2026-000001' });
    const replay = await payTranche(officer.auth, advance.body.id, 'UNC-2026-000001', payKey);
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(paid.body);
    expect(await balance('grant_disbursed', grantId)).toBe(140n * MILLION);
    expect(await balance('grant_undisbursed', grantId)).toBe(60n * MILLION);

    const tooEarly = await requestTranche(officer.auth, grantId, { kind: 'settlement', finalAmount: '1' });
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body.code).toBe('TRANCHE_STEP_OUT_OF_ORDER');

    const acceptance = await requestTranche(officer.auth, grantId, {
      kind: 'acceptance',
      amount: '40000000',
      acceptedCost: '360000000',
      evidence: [
        { name: 'bien-ban-nghiem-thu.pdf', mediaType: 'application/pdf', size: 482133, sha256: SHA },
      ],
    });
    expect(acceptance.status).toBe(201);
    expect(acceptance.body).toMatchObject({ sequence: 2, amount: '40000000', acceptedCost: '360000000' });
    expect((await approveTranche(checker.auth, acceptance.body.id)).status).toBe(200);
    expect((await payTranche(officer.auth, acceptance.body.id, 'UNC-2026-000002')).status).toBe(200);

    const settlement = await requestTranche(officer.auth, grantId, {
      kind: 'settlement',
      finalAmount: '150000000',
    });
    expect(settlement.status).toBe(201);
    expect(settlement.body).toMatchObject({
      amount: '0',
      returnAmount: '30000000',
      finalAmount: '150000000',
    });
    expect((await approveTranche(checker.auth, settlement.body.id)).status).toBe(200);
    expect((await payTranche(officer.auth, settlement.body.id, 'PT-2026-000003')).status).toBe(200);

    expect(await balance('grant_disbursed', grantId)).toBe(150n * MILLION);
    expect(await balance('grant_returned', grantId)).toBe(30n * MILLION);
    expect(await balance('grant_undisbursed', grantId)).toBe(0n);
    expect(await committedOf(callId)).toBe(180n * MILLION);
    expect(await balance('call_available', callId)).toBe(820n * MILLION);
    expect(await trialBalanceTotal()).toBe('0');

    const grantee = signIn([Role.Founder], false, applicantId);
    const seen = await http()
      .get(`/api/v1/funding/grants/${grantId}/tranches`)
      .set('Authorization', grantee.auth);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({
      grantId,
      stage: 'settled',
      approved: '200000000',
      disbursed: '180000000',
      returned: '30000000',
      remaining: '0',
      acceptedCost: '360000000',
      finalAmount: '150000000',
    });
    expect(seen.body.tranches.map((t: { kind: string; status: string }) => `${t.kind}:${t.status}`)).toEqual([
      'advance:paid',
      'acceptance:paid',
      'settlement:paid',
    ]);
    const stranger = signIn([Role.Founder]);
    expect(
      (await http().get(`/api/v1/funding/grants/${grantId}/tranches`).set('Authorization', stranger.auth))
        .status,
    ).toBe(404);
    expect(
      (await http().get(`/api/v1/funding/tranches/${advance.body.id}`).set('Authorization', grantee.auth))
        .status,
    ).toBe(200);
    const settled = await requestTranche(officer.auth, grantId, {
      kind: 'acceptance',
      amount: '1',
      acceptedCost: '1',
      evidence: [{ name: 'x.pdf', mediaType: 'application/pdf', size: 1, sha256: SHA }],
    });
    expect(settled.status).toBe(409);
    expect(settled.body.code).toBe('GRANT_SETTLED');

    const events = await tap.waitFor(grantId, 11);
    expect(events.every((event) => event.key === grantId)).toBe(true);
    expect(events.map((event) => event.envelope.type)).toEqual([
      'funding.tranche.requested',
      'funding.tranche.approved',
      'funding.tranche.paid',
      'funding.tranche.requested',
      'funding.tranche.approved',
      'funding.grant.accepted',
      'funding.tranche.paid',
      'funding.tranche.requested',
      'funding.tranche.approved',
      'funding.tranche.paid',
      'funding.grant.settled',
    ]);
    expect(events[2]?.envelope.payload).toMatchObject({ amount: '140000000', grantDisbursed: '140000000' });
    expect(events[10]?.envelope.payload).toMatchObject({
      approved: '200000000',
      finalAmount: '150000000',
      disbursed: '180000000',
      returned: '30000000',
      released: '20000000',
    });
  });

  it('refuses maker = checker, over the limit, no second factor, wrong fields, no advance rate — with nothing written', async () => {
    const { grantId } = await grantOf(200n * MILLION);
    const both = await approver(1_000n * MILLION, [Role.FundOfficer, Role.FundApprover]);
    const advance = await requestTranche(both.auth, grantId, { kind: 'advance' });
    expect(advance.status).toBe(201);

    const own = await approveTranche(both.auth, advance.body.id);
    expect(own.status).toBe(422);
    expect(own.body.code).toBe('TRANCHE_SAME_MAKER_CHECKER');

    const small = await approver(100n * MILLION);
    const over = await approveTranche(small.auth, advance.body.id);
    expect(over.status).toBe(409);
    expect(over.body.code).toBe('OVER_APPROVAL_LIMIT');

    const passwordOnly = signIn([Role.FundApprover], false);
    await setLimit(passwordOnly.user.id, 1_000n * MILLION);
    const noOtp = await approveTranche(passwordOnly.auth, advance.body.id);
    expect(noOtp.status).toBe(403);
    expect(noOtp.body.code).toBe('SECOND_FACTOR_REQUIRED');

    const notApproved = await payTranche(both.auth, advance.body.id, 'UNC-2026-000009');
    expect(notApproved.status).toBe(409);
    expect(notApproved.body.code).toBe('TRANCHE_STATUS_CONFLICT');

    const [row] = await dataSource.query('SELECT status FROM tranches WHERE id = $1', [advance.body.id]);
    expect(row.status).toBe('requested');

    const rejected = await post(small.auth, `/funding/tranches/${advance.body.id}/rejection`, {
      reason: 'Thiếu hợp đồng đào tạo.',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectionReason: 'Thiếu hợp đồng đào tạo.' });

    const withAmount = await requestTranche(both.auth, grantId, { kind: 'advance', amount: '5' });
    expect(withAmount.status).toBe(422);
    expect(withAmount.body.code).toBe('TRANCHE_FIELDS_FOR_KIND');
    const noEvidence = await requestTranche(both.auth, grantId, {
      kind: 'acceptance',
      amount: '5',
      acceptedCost: '5',
    });
    expect(noEvidence.status).toBe(400);
    expect(noEvidence.body.errors?.[0]?.field).toBe('evidence');
    const badSha = await requestTranche(both.auth, grantId, {
      kind: 'acceptance',
      amount: '5',
      acceptedCost: '5',
      evidence: [{ name: 'a.pdf', mediaType: 'application/pdf', size: 1, sha256: 'xyz' }],
    });
    expect(badSha.status).toBe(400);
    const overFinal = await requestTranche(both.auth, grantId, {
      kind: 'settlement',
      finalAmount: '200000001',
    });
    expect(overFinal.status).toBe(409);

    const machinery = await grantOf(100n * MILLION, 'kc_machinery');
    const noRate = await requestTranche(both.auth, machinery.grantId, { kind: 'advance' });
    expect(noRate.status).toBe(409);
    expect(noRate.body.code).toBe('ADVANCE_RATE_NOT_IN_FORCE');
    const byApprover = await requestTranche(small.auth, grantId, { kind: 'advance' });
    expect(byApprover.status).toBe(403);
  });

  it('never takes a grant past what was approved: 20 parallel requests, 10 parallel payments of one tranche', async () => {
    const { grantId } = await grantOf(200n * MILLION);
    const officer = signIn([Role.FundOfficer]);
    const checker = await approver(1_000n * MILLION);
    const body = {
      kind: 'acceptance',
      amount: '30000000',
      acceptedCost: '30000000',
      evidence: [{ name: 'hoa-don.pdf', mediaType: 'application/pdf', size: 2048, sha256: SHA }],
    };
    const requests = await Promise.all(
      Array.from({ length: 20 }, () => requestTranche(officer.auth, grantId, body)),
    );
    const created = requests.filter((response) => response.status === 201);
    expect(created).toHaveLength(6);
    expect(requests.filter((response) => response.status === 409)).toHaveLength(14);
    expect(
      requests.filter((r) => r.status === 409).every((r) => r.body.code === 'TRANCHE_OVER_APPROVED'),
    ).toBe(true);

    for (const response of created)
      expect((await approveTranche(checker.auth, response.body.id)).status).toBe(200);
    const first = created[0]?.body.id as string;
    const payments = await Promise.all(
      Array.from({ length: 10 }, (_, i) => payTranche(officer.auth, first, `UNC-2026-1${i}`)),
    );
    expect(payments.filter((response) => response.status === 200)).toHaveLength(1);
    expect(payments.filter((response) => response.status === 409)).toHaveLength(9);
    const rest = await Promise.all(
      created.slice(1).map((response, i) => payTranche(officer.auth, response.body.id, `UNC-2026-2${i}`)),
    );
    expect(rest.every((response) => response.status === 200)).toBe(true);

    const [sums] = await dataSource.query(
      'SELECT approved, reserved, disbursed FROM grant_disbursements WHERE grant_id = $1',
      [grantId],
    );
    expect(sums).toEqual({ approved: '200000000', reserved: '180000000', disbursed: '180000000' });
    const [paid] = await dataSource.query(
      `SELECT coalesce(sum(amount), 0)::text AS total, count(*)::int AS n FROM tranches WHERE grant_id = $1 AND status = 'paid'`,
      [grantId],
    );
    expect(paid).toEqual({ total: '180000000', n: 6 });
    expect(await balance('grant_disbursed', grantId)).toBe(180n * MILLION);
    expect(await balance('grant_undisbursed', grantId)).toBe(20n * MILLION);
    expect(await trialBalanceTotal()).toBe('0');
  });

  it('settles above what was paid by paying the balance; a replayed request is the same tranche; a rejection frees its reservation', async () => {
    const { grantId, callId } = await grantOf(100n * MILLION);
    const officer = signIn([Role.FundOfficer]);
    const checker = await approver(1_000n * MILLION);
    const evidence = [{ name: 'hoa-don.pdf', mediaType: 'application/pdf', size: 10, sha256: SHA }];
    const key = uuidv7();
    const body = { kind: 'acceptance', amount: '90000000', acceptedCost: '200000000', evidence };
    const asked = await requestTranche(officer.auth, grantId, body, key);
    expect(asked.status).toBe(201);
    const replayed = await requestTranche(officer.auth, grantId, body, key);
    expect(replayed.status).toBe(201);
    expect(replayed.body).toEqual(asked.body);
    const full = await requestTranche(officer.auth, grantId, { ...body, amount: '20000000' });
    expect(full.status).toBe(409);
    expect(full.body.code).toBe('TRANCHE_OVER_APPROVED');
    const rejected = await post(checker.auth, `/funding/tranches/${asked.body.id}/rejection`, {
      reason: 'Hoá đơn không hợp lệ.',
    });
    expect(rejected.status).toBe(200);
    const again = await requestTranche(officer.auth, grantId, { ...body, amount: '60000000' });
    expect(again.status).toBe(201);
    expect(again.body.sequence).toBe(2);
    expect((await approveTranche(checker.auth, again.body.id)).status).toBe(200);
    expect((await payTranche(officer.auth, again.body.id, 'UNC-2026-300001')).status).toBe(200);

    const settlement = await requestTranche(officer.auth, grantId, {
      kind: 'settlement',
      finalAmount: '95000000',
    });
    expect(settlement.status).toBe(201);
    expect(settlement.body).toMatchObject({ amount: '35000000', returnAmount: '0' });
    expect((await approveTranche(checker.auth, settlement.body.id)).status).toBe(200);
    expect((await payTranche(officer.auth, settlement.body.id, 'UNC-2026-300002')).status).toBe(200);

    const [sums] = await dataSource.query(
      'SELECT stage, reserved, disbursed, returned, final_amount FROM grant_disbursements WHERE grant_id = $1',
      [grantId],
    );
    expect(sums).toEqual({
      stage: 'settled',
      reserved: '95000000',
      disbursed: '95000000',
      returned: '0',
      final_amount: '95000000',
    });
    expect(await balance('grant_disbursed', grantId)).toBe(95n * MILLION);
    expect(await balance('grant_undisbursed', grantId)).toBe(0n);
    expect(await committedOf(callId)).toBe(95n * MILLION);
    expect(await trialBalanceTotal()).toBe('0');
    const history = await dataSource.query(
      'SELECT action FROM tranche_history WHERE grant_id = $1 ORDER BY occurred_at, id',
      [grantId],
    );
    expect(history.map((row: { action: string }) => row.action)).toEqual([
      'requested',
      'rejected',
      'requested',
      'approved',
      'paid',
      'requested',
      'approved',
      'paid',
    ]);
  });

  it('has the database refuse what the code must never do: maker = checker, paying past approved, editing', async () => {
    const { grantId } = await grantOf(100n * MILLION);
    const officer = signIn([Role.FundOfficer]);
    const made = await requestTranche(officer.auth, grantId, {
      kind: 'acceptance',
      amount: '10000000',
      acceptedCost: '10000000',
      evidence: [{ name: 'a.pdf', mediaType: 'application/pdf', size: 1, sha256: SHA }],
    });
    expect(made.status).toBe(201);
    await expect(
      dataSource.query(
        `UPDATE tranches SET status = 'rejected', decided_by = requested_by, decided_at = now(),
           rejection_reason = 'x' WHERE id = $1`,
        [made.body.id],
      ),
    ).rejects.toThrow(/CHK_tranches_maker_checker/);
    await expect(
      dataSource.query('UPDATE tranches SET amount = 1 WHERE id = $1', [made.body.id]),
    ).rejects.toThrow(/never edited|not a move/);
    await expect(
      dataSource.query(
        'UPDATE grant_disbursements SET disbursed = approved + 1, reserved = approved + 1 WHERE grant_id = $1',
        [grantId],
      ),
    ).rejects.toThrow(/CHK_grant_disbursements_sums/);
    const limitId = uuidv7();
    const checkerId = uuidv7();
    await dataSource.query(
      `INSERT INTO approval_limits (id, approver_id, limit_amount, set_by, set_at) VALUES ($1, $2, 999999999999, $2, now())`,
      [limitId, checkerId],
    );
    await expect(
      dataSource.query(
        `INSERT INTO tranches (id, grant_id, sequence, kind, status, amount, return_amount, accepted_cost, evidence,
           requested_by, requested_at, decided_by, decided_at, approval_limit_id, payment_reference, paid_by, paid_at,
           version)
         VALUES ($1, $2, 99, 'acceptance', 'paid', 100000001, 0, 1, '[]', $3, now(), $4, now(), $5, 'X', $3, now(), 1)`,
        [uuidv7(), grantId, uuidv7(), checkerId, limitId],
      ),
    ).rejects.toThrow(/exceed/);
  });
});
