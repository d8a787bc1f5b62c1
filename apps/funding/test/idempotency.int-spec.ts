import 'reflect-metadata';
import { jest } from '@jest/globals';
import { Role, TOPICS } from '@khoinghiep/contracts';
import { UnitOfWork } from '@khoinghiep/messaging';
import { EventTap, freshDatabase, userFactory } from '@khoinghiep/testing';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { Ledger } from '../src/ledger/ledger.service.js';
import { account, Journal } from '../src/ledger/ledger-journal.js';
import { startFundingApp } from './support/funding-app.js';

// Idempotency-Key on a money command (ADR 0017), proved on the ledger reversal route of the funding app against
// real PostgreSQL and Kafka: replay, a reused key, a missing or malformed key, and the same key sent at once.

jest.setTimeout(60_000);

describe('Idempotency-Key on money commands', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let ledger: Ledger;
  let tap: EventTap;
  let as: ReturnType<typeof userFactory>;

  beforeAll(async () => {
    app = await startFundingApp(await freshDatabase('funding_idempotency_int'));
    dataSource = app.get(DataSource);
    ledger = app.get(Ledger);
    as = userFactory(app);
    tap = new EventTap(TOPICS.funding.name);
    await tap.start();
  }, 90_000);

  afterAll(async () => {
    await tap?.stop();
    await app?.close();
  });

  /** A call with a budget: the transaction to reverse. */
  const budgetSet = async () => {
    const callId = uuidv7();
    const { transaction } = await app
      .get(UnitOfWork)
      .run(() => ledger.post(Journal.callBudgetSet(uuidv7(), callId, 2_000_000_000n)));
    return { transactionId: transaction.id, callId };
  };
  const reverse = (
    transactionId: string,
    auth: string,
    key: string | null,
    reason = 'Nhập sai ngân sách.',
  ) => {
    const call = request(app.getHttpServer())
      .post(`/api/v1/funding/ledger/transactions/${transactionId}/reversal`)
      .set('authorization', auth);
    return (key === null ? call : call.set('Idempotency-Key', key)).send({ reason });
  };
  const reversalsOf = async (transactionId: string): Promise<number> => {
    const [{ count }] = await dataSource.query(
      'SELECT count(*)::int AS count FROM ledger_transactions WHERE reversal_of = $1',
      [transactionId],
    );
    return count;
  };

  it('refuses a money command without the header with a 400 naming it, and a malformed key with another', async () => {
    const approver = as(Role.FundApprover);
    const { transactionId } = await budgetSet();
    const missing = await reverse(transactionId, approver.auth, null).expect(400);
    expect(missing.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REQUIRED', header: 'Idempotency-Key' });
    expect(missing.headers['content-type']).toMatch(/application\/problem\+json/);
    const malformed = await reverse(transactionId, approver.auth, 'too-short').expect(400);
    expect(malformed.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_INVALID' });
    expect(await reversalsOf(transactionId)).toBe(0);
  });

  it('answers a replay with the first response, status and body, and does it once', async () => {
    const approver = as(Role.FundApprover);
    const { transactionId, callId } = await budgetSet();
    const key = uuidv7();
    const first = await reverse(transactionId, approver.auth, key).expect(201);
    expect(first.body).toMatchObject({
      kind: 'reversal',
      reversalOf: transactionId,
      actorId: approver.user.id,
    });
    const replay = await reverse(transactionId, approver.auth, key).expect(201);
    expect(replay.body).toEqual(first.body);
    expect(await reversalsOf(transactionId)).toBe(1);
    expect(await ledger.balance(account('call_available', callId))).toBe(0n);
    // Without the key's record the second request would have been a 409 (already reversed), not a replay.
    const fresh = await reverse(transactionId, approver.auth, uuidv7()).expect(409);
    expect(fresh.body.code).toBe('LEDGER_ALREADY_REVERSED');
  });

  it('answers the same key with another body with 422, and keeps keys apart per caller', async () => {
    const approver = as(Role.FundApprover);
    const { transactionId } = await budgetSet();
    const key = uuidv7();
    await reverse(transactionId, approver.auth, key, 'Lý do thứ nhất.').expect(201);
    const reused = await reverse(transactionId, approver.auth, key, 'Lý do khác.').expect(422);
    expect(reused.body).toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      firstOperation: 'reverseLedgerTransaction',
    });
    const { transactionId: other } = await budgetSet();
    await reverse(other, approver.auth, key).expect(422);
    // Another approver's key of the same value is theirs: it runs (and meets the ledger's own rule).
    const colleague = as(Role.FundApprover);
    expect((await reverse(transactionId, colleague.auth, key, 'Lý do thứ nhất.').expect(409)).body.code).toBe(
      'LEDGER_ALREADY_REVERSED',
    );
  });

  it('keeps nothing of a refused command, so the same key can be retried once the cause is fixed', async () => {
    const approver = as(Role.FundApprover);
    const key = uuidv7();
    await reverse(uuidv7(), approver.auth, key).expect(404);
    await request(app.getHttpServer())
      .post(`/api/v1/funding/ledger/transactions/${uuidv7()}/reversal`)
      .set('authorization', approver.auth)
      .set('Idempotency-Key', key)
      .send({ reason: '' })
      .expect(400);
    const [{ count }] = await dataSource.query(
      'SELECT count(*)::int AS count FROM idempotency_records WHERE caller_id = $1',
      [approver.user.id],
    );
    expect(count).toBe(0);
  });

  it('gives one effect and one event when the same key is sent ten times at once', async () => {
    const approver = as(Role.FundApprover);
    const { transactionId } = await budgetSet();
    const key = uuidv7();
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => reverse(transactionId, approver.auth, key)),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(201));
    const ids = new Set(responses.map((response) => response.body.id));
    expect(ids.size).toBe(1);
    expect(await reversalsOf(transactionId)).toBe(1);
    const events = await tap.waitFor(transactionId, 1);
    expect(events.map((event) => event.envelope.type)).toEqual(['funding.ledger_transaction.reversed']);
    expect(events[0]?.key).toBe(transactionId);
  });
});
