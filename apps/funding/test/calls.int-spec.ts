import 'reflect-metadata';
import { jest } from '@jest/globals';
import { CALL_EVENTS, Role, TOPICS, validatePayload } from '@khoinghiep/contracts';
import { EventTap, eventually, freshDatabase, userFactory } from '@khoinghiep/testing';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { version as uuidVersion, v7 as uuidv7 } from 'uuid';
import { callBody, localFundBody } from './support/call-body.js';
import { startFundingApp } from './support/funding-app.js';

// Funding calls in the funding app in-process, against real PostgreSQL (its own database) and the real Kafka
// broker: the life of a call, its budget never below what is committed, its audit trail, and its events read back
// from funding.events by a real consumer.

jest.setTimeout(60_000);

describe('funding calls against PostgreSQL and Kafka', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let tap: EventTap;
  let as: ReturnType<typeof userFactory>;
  let http: () => ReturnType<typeof request>;
  let officer: ReturnType<ReturnType<typeof userFactory>>;
  let fundId: string;

  beforeAll(async () => {
    const url = await freshDatabase('funding_calls_int');
    app = await startFundingApp(url);
    dataSource = app.get(DataSource);
    as = userFactory(app);
    http = () => request(app.getHttpServer());
    tap = new EventTap(TOPICS.funding.name);
    await tap.start();
    officer = as(Role.FundOfficer, 'hoa');
    const fund = await http()
      .post('/api/v1/funding/funds')
      .set('authorization', officer.auth)
      .send(localFundBody())
      .expect(201);
    fundId = fund.body.id;
  }, 90_000);

  afterAll(async () => {
    await tap?.stop();
    await app?.close();
  });

  const createCall = async (overrides: Record<string, unknown> = {}) => {
    const response = await http()
      .post('/api/v1/funding/calls')
      .set('authorization', officer.auth)
      .send(callBody(fundId, overrides));
    expect(response.status).toBe(201);
    return response.body as { id: string; version: number; status: string };
  };
  // Budget changes are money commands: each carries its own Idempotency-Key.
  const step = (path: string, body: object, auth = officer.auth) =>
    http()
      .post(`/api/v1/funding/calls/${path}`)
      .set('authorization', auth)
      .set('idempotency-key', uuidv7())
      .send(body);

  describe('the database itself', () => {
    it('holds 0 ≤ committed ≤ budget and keeps the audit trail append-only', async () => {
      const call = await createCall();
      await expect(
        dataSource.query('UPDATE funding_calls SET committed = budget + 1 WHERE id = $1', [call.id]),
      ).rejects.toThrow(/CHK_funding_calls_committed/);
      await expect(
        dataSource.query('UPDATE funding_calls SET committed = -1 WHERE id = $1', [call.id]),
      ).rejects.toThrow(/CHK_funding_calls_committed/);
      await dataSource.query('UPDATE funding_calls SET committed = 1000 WHERE id = $1', [call.id]);
      await expect(
        dataSource.query('UPDATE funding_calls SET budget = 999 WHERE id = $1', [call.id]),
      ).rejects.toThrow(/CHK_funding_calls_committed/);
      await expect(
        dataSource.query('UPDATE funding_calls SET closes_at = opens_at WHERE id = $1', [call.id]),
      ).rejects.toThrow(/CHK_funding_calls_window/);
      await expect(
        dataSource.query("UPDATE funding_call_history SET reason = 'rewritten' WHERE call_id = $1", [
          call.id,
        ]),
      ).rejects.toThrow(/append-only/);
      await expect(
        dataSource.query('DELETE FROM funding_call_history WHERE call_id = $1', [call.id]),
      ).rejects.toThrow(/append-only/);
    });
  });

  describe('the life of a call, each step with its audit entry and its event', () => {
    it('draft → open → budget raised → closed → finalised: three events with the full envelope, keyed by the call', async () => {
      const correlationId = `itest-${uuidv7()}`;
      const call = await createCall();
      expect(call).toMatchObject({ status: 'draft', version: 1 });
      const go = async (path: string, body: object, expected: object) => {
        const response = await step(`${call.id}${path}`, body).set('x-correlation-id', correlationId);
        expect(response.status).toBe(200);
        expect(response.body).toMatchObject(expected);
        return response;
      };

      const available = async () =>
        (
          await dataSource.query(
            "SELECT balance FROM ledger_balances WHERE account_kind = 'call_available' AND account_reference = $1",
            [call.id],
          )
        )[0]?.balance;
      expect(await available()).toBeUndefined();
      const opened = await go('/open', {}, { status: 'open', version: 2 });
      expect(opened.headers.etag).toBe('"2"');
      expect(await available()).toBe('5000000000');
      await go(
        '/budget',
        { budget: '6500000000', reason: 'Bổ sung kinh phí theo Quyết định 123/QĐ-UBND.', version: 2 },
        { budget: '6500000000', committed: '0', available: '6500000000', version: 3 },
      );
      expect(await available()).toBe('6500000000');
      await go('/close', { reason: 'Hết hạn nhận hồ sơ.' }, { status: 'closed', version: 4 });
      const finalised = await go('/finalise', {}, { status: 'finalised', version: 5 });
      expect(finalised.body.finalisedAt).toEqual(expect.any(String));

      const events = await tap.waitFor(call.id, 3);
      await tap.readToEnd();
      expect(tap.of(call.id).map((event) => event.envelope.type)).toEqual([
        'funding.call.opened',
        'funding.call.budget_changed',
        'funding.call.closed',
      ]);
      expect(new Set(events.map((event) => event.partition)).size).toBe(1);
      for (const event of events) {
        const { envelope } = event;
        expect(event.key).toBe(call.id);
        expect(uuidVersion(envelope.id)).toBe(7);
        expect(envelope).toMatchObject({
          version: 1,
          aggregateType: 'funding_call',
          aggregateId: call.id,
          actor: { userId: officer.user.id, roles: [Role.FundOfficer] },
          correlationId,
        });
        const contract = CALL_EVENTS.find((candidate) => candidate.type === envelope.type);
        expect(contract && validatePayload<object>(contract, envelope.payload).ok).toBe(true);
      }
      expect(events[0]?.envelope.payload).toMatchObject({
        callId: call.id,
        fundId,
        version: 2,
        budget: '5000000000',
        committed: '0',
        supportCategories: ['kc_machinery', 'kc_training'],
        eligibleProvinceCodes: ['66'],
        allocationRule: 'score',
      });
      expect(events[1]?.envelope.payload).toEqual({
        callId: call.id,
        fundId,
        version: 3,
        status: 'open',
        oldBudget: '5000000000',
        newBudget: '6500000000',
        committed: '0',
        reason: 'Bổ sung kinh phí theo Quyết định 123/QĐ-UBND.',
      });
      expect(events[2]?.envelope.payload).toMatchObject({ version: 4, budget: '6500000000', committed: '0' });

      const history = await http()
        .get(`/api/v1/funding/calls/${call.id}/history`)
        .set('authorization', as(Role.FundApprover).auth)
        .expect(200);
      expect(
        history.body.items.map((entry: { action: string; fromStatus: string | null; toStatus: string }) => [
          entry.action,
          entry.fromStatus,
          entry.toStatus,
        ]),
      ).toEqual([
        ['create', null, 'draft'],
        ['open', 'draft', 'open'],
        ['change_budget', 'open', 'open'],
        ['close', 'open', 'closed'],
        ['finalise', 'closed', 'finalised'],
      ]);
      expect(history.body.items[2]).toMatchObject({
        actor: { userId: officer.user.id },
        oldBudget: '5000000000',
        newBudget: '6500000000',
        committed: '0',
        reason: 'Bổ sung kinh phí theo Quyết định 123/QĐ-UBND.',
      });
      expect(history.body.items[3].reason).toBe('Hết hạn nhận hồ sơ.');
    });

    it('refuses a budget below what is committed (409 naming it), and such a refusal leaves no trace', async () => {
      const call = await createCall();
      await step(`${call.id}/open`, {}).expect(200);
      // Decisions (another feature) raise `committed`; here the database stands in for them.
      await dataSource.query("UPDATE funding_calls SET committed = '3000000000' WHERE id = $1", [call.id]);

      const refused = await step(`${call.id}/budget`, {
        budget: '2999999999',
        reason: 'Cắt giảm dự toán.',
      }).expect(409);
      expect(refused.body).toMatchObject({
        code: 'CALL_BUDGET_BELOW_COMMITTED',
        committed: '3000000000',
        requestedBudget: '2999999999',
      });
      expect(refused.body.detail).toContain('3000000000');

      const lowered = await step(`${call.id}/budget`, {
        budget: '3000000000',
        reason: 'Cắt giảm dự toán về đúng số đã cam kết.',
      }).expect(200);
      expect(lowered.body).toMatchObject({ budget: '3000000000', committed: '3000000000', available: '0' });

      await tap.waitFor(call.id, 2);
      await tap.readToEnd();
      expect(tap.of(call.id).map((event) => event.envelope.type)).toEqual([
        'funding.call.opened',
        'funding.call.budget_changed',
      ]);
      const [{ n }] = await dataSource.query(
        "SELECT count(*)::int AS n FROM funding_call_history WHERE call_id = $1 AND action = 'change_budget'",
        [call.id],
      );
      expect(n).toBe(1);
    });

    it('lets exactly one of two budget changes based on the same version through (412 for the other)', async () => {
      const call = await createCall();
      const responses = await Promise.all(
        ['7000000000', '8000000000'].map((budget) =>
          step(`${call.id}/budget`, { budget, reason: 'Điều chỉnh đồng thời.' }).set('if-match', '"1"'),
        ),
      );
      expect(responses.map((response) => response.status).sort()).toEqual([200, 412]);
      const [row] = await dataSource.query('SELECT version, budget FROM funding_calls WHERE id = $1', [
        call.id,
      ]);
      const winner = responses.find((response) => response.status === 200);
      expect(row).toEqual({ version: 2, budget: winner?.body.budget });
    });

    it('makes a budget cut wait for a decision committing at the same moment, then judges it on the new committed', async () => {
      const call = await createCall();
      await step(`${call.id}/open`, {}).expect(200);
      // A decision (another feature) in flight: it holds the call's row lock while it raises `committed`.
      const decision = dataSource.createQueryRunner();
      await decision.connect();
      await decision.startTransaction();
      try {
        await decision.query('SELECT id FROM funding_calls WHERE id = $1 FOR UPDATE', [call.id]);
        await decision.query("UPDATE funding_calls SET committed = '4000000000' WHERE id = $1", [call.id]);
        // `.then` sends the request now; it blocks on the lock until the decision commits.
        const cut = step(`${call.id}/budget`, { budget: '3500000000', reason: 'Cắt giảm dự toán.' }).then(
          (response) => response,
        );
        await eventually('the budget cut to wait for the row lock', async () => {
          const [row] = await dataSource.query(
            `SELECT count(*)::int AS waiting FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
              WHERE NOT l.granted AND a.datname = current_database()`,
          );
          return row.waiting > 0;
        });
        await decision.commitTransaction();
        const refused = await cut;
        expect(refused.status).toBe(409);
        expect(refused.body).toMatchObject({ code: 'CALL_BUDGET_BELOW_COMMITTED', committed: '4000000000' });
      } finally {
        if (decision.isTransactionActive) await decision.rollbackTransaction();
        await decision.release();
      }
      const [row] = await dataSource.query('SELECT budget, committed FROM funding_calls WHERE id = $1', [
        call.id,
      ]);
      expect(row).toEqual({ budget: '5000000000', committed: '4000000000' });
    });

    it('refuses steps out of order (409 naming the state) and opening a call whose closing time has passed', async () => {
      const call = await createCall();
      const early = await step(`${call.id}/close`, {}).expect(409);
      expect(early.body).toMatchObject({
        code: 'CALL_ILLEGAL_TRANSITION',
        currentStatus: 'draft',
        allowedFrom: ['open'],
      });
      const past = await createCall({
        opensAt: '2025-01-01T00:00:00.000Z',
        closesAt: '2025-02-01T00:00:00.000Z',
      });
      const late = await step(`${past.id}/open`, {}).expect(409);
      expect(late.body).toMatchObject({ code: 'CALL_ALREADY_CLOSED', closesAt: '2025-02-01T00:00:00.000Z' });
    });

    it('edits a draft only, re-checking the terms across fields', async () => {
      const call = await createCall();
      const edited = await http()
        .patch(`/api/v1/funding/calls/${call.id}`)
        .set('authorization', officer.auth)
        .set('if-match', '"1"')
        .send({ title: 'Đợt 1 năm 2027', eligibility: { provinceCodes: ['66', '79'] } })
        .expect(200);
      expect(edited.body).toMatchObject({
        title: 'Đợt 1 năm 2027',
        version: 2,
        eligibility: {
          provinceCodes: ['66', '79'],
          requiredTrainingTopic: 'Khởi sự kinh doanh',
          maxBusinessAgeYears: 5,
        },
      });
      const badWeights = await http()
        .patch(`/api/v1/funding/calls/${call.id}`)
        .set('authorization', officer.auth)
        .send({
          version: 2,
          appraisalRubric: {
            criteria: [{ code: 'a', label: 'Tiêu chí A', weight: 60 }],
            scale: { min: 0, max: 10 },
          },
        })
        .expect(400);
      expect(badWeights.body.errors).toEqual([
        expect.objectContaining({ field: 'appraisalRubric.criteria' }),
      ]);
      await step(`${call.id}/open`, {}).expect(200);
      const frozen = await http()
        .patch(`/api/v1/funding/calls/${call.id}`)
        .set('authorization', officer.auth)
        .send({ title: 'Đổi tên khi đã mở', version: 3 })
        .expect(409);
      expect(frozen.body).toMatchObject({ code: 'CALL_ILLEGAL_TRANSITION', currentStatus: 'open' });
    });
  });

  describe('what founders and the public see', () => {
    it('lists open calls without sign-in, closing soonest first, and hides drafts', async () => {
      const soon = await createCall({ closesAt: new Date(Date.now() + 2 * 86_400_000).toISOString() });
      const later = await createCall({ closesAt: new Date(Date.now() + 3 * 86_400_000).toISOString() });
      const draft = await createCall();
      await step(`${later.id}/open`, {}).expect(200);
      await step(`${soon.id}/open`, {}).expect(200);

      const listed = await http().get('/api/v1/funding/calls').query({ fundId, limit: 100 }).expect(200);
      const ids = (listed.body.items as { id: string; status: string }[]).map((call) => call.id);
      expect(ids.indexOf(soon.id)).toBeLessThan(ids.indexOf(later.id));
      expect(ids.indexOf(soon.id)).toBeGreaterThanOrEqual(0);
      expect(ids).not.toContain(draft.id);
      expect(listed.body.items.every((call: { status: string }) => call.status === 'open')).toBe(true);

      await http().get(`/api/v1/funding/calls/${soon.id}`).expect(200);
      const hidden = await http().get(`/api/v1/funding/calls/${draft.id}`).expect(404);
      expect(hidden.body.code).toBe('CALL_NOT_FOUND');

      const staff = await http()
        .get(`/api/v1/funding/funds/${fundId}/calls`)
        .query({ limit: 100 })
        .set('authorization', as(Role.FundApprover).auth)
        .expect(200);
      expect(staff.body.items.map((call: { id: string }) => call.id)).toContain(draft.id);
      await http()
        .get(`/api/v1/funding/funds/${fundId}/calls`)
        .set('authorization', as(Role.Founder).auth)
        .expect(403);
    });

    it('refuses a founder who tries to create or open a call (403), writing nothing', async () => {
      const founder = as(Role.Founder);
      const call = await createCall();
      await http()
        .post('/api/v1/funding/calls')
        .set('authorization', founder.auth)
        .send(callBody(fundId))
        .expect(403);
      await step(`${call.id}/open`, {}, founder.auth).expect(403);
      const [row] = await dataSource.query('SELECT status, version FROM funding_calls WHERE id = $1', [
        call.id,
      ]);
      expect(row).toEqual({ status: 'draft', version: 1 });
    });

    it('answers an invalid payload with a 400 naming each field', async () => {
      const response = await http()
        .post('/api/v1/funding/calls')
        .set('authorization', officer.auth)
        .send(
          callBody(fundId, {
            budget: 5000000000,
            supportCategories: ['kc_lottery'],
            allocationRule: 'random',
            eligibility: { provinceCodes: ['99'], maxBusinessAgeYears: -1 },
            appraisalRubric: { criteria: [], scale: { min: 0, max: 10 } },
            closesAt: 'tomorrow',
          }),
        )
        .expect(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      const fields = (response.body.errors as { field: string }[]).map((error) => error.field);
      expect(new Set(fields)).toEqual(
        new Set([
          'budget',
          'supportCategories',
          'allocationRule',
          'eligibility.provinceCodes',
          'eligibility.maxBusinessAgeYears',
          'appraisalRubric.criteria',
          'closesAt',
        ]),
      );
      const unknownFund = await http()
        .post('/api/v1/funding/calls')
        .set('authorization', officer.auth)
        .send(callBody(uuidv7()))
        .expect(404);
      expect(unknownFund.body.code).toBe('FUND_NOT_FOUND');
      const window = await http()
        .post('/api/v1/funding/calls')
        .set('authorization', officer.auth)
        .send(callBody(fundId, { opensAt: '2027-05-01T00:00:00.000Z', closesAt: '2027-04-01T00:00:00.000Z' }))
        .expect(400);
      expect(window.body.errors).toEqual([expect.objectContaining({ field: 'closesAt' })]);
    });
  });
});
