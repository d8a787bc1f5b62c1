import 'reflect-metadata';
import { jest } from '@jest/globals';
import { Role } from '@khoinghiep/contracts';
import { UnitOfWork } from '@khoinghiep/messaging';
import { pendingSchemaChanges } from '@khoinghiep/persistence';
import { freshDatabase, userFactory } from '@khoinghiep/testing';
import type { INestApplication } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { InsufficientBalanceError } from '../src/ledger/ledger.errors.js';
import { Ledger } from '../src/ledger/ledger.service.js';
import { account, Journal, type JournalEntry } from '../src/ledger/ledger-journal.js';
import { LedgerReversalService } from '../src/ledger/ledger-reversal.service.js';
import { startFundingApp } from './support/funding-app.js';

// The funding ledger against real PostgreSQL (its own database, migrated from scratch): the database refuses what
// the ledger must never hold, balances hold under concurrency, corrections are reversals, the trial balance is 0.

jest.setTimeout(60_000);

describe('the funding ledger against PostgreSQL', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let ledger: Ledger;
  let unitOfWork: UnitOfWork;
  let as: ReturnType<typeof userFactory>;

  beforeAll(async () => {
    app = await startFundingApp(await freshDatabase('funding_ledger_int'));
    dataSource = app.get(DataSource);
    ledger = app.get(Ledger);
    unitOfWork = app.get(UnitOfWork);
    as = userFactory(app);
  }, 90_000);

  afterAll(async () => {
    await app?.close();
  });

  const post = (entry: JournalEntry) => unitOfWork.run(() => ledger.post(entry));
  const newCall = async (budget: bigint) => {
    const fundId = uuidv7();
    const callId = uuidv7();
    const set = await post(Journal.callBudgetSet(fundId, callId, budget));
    return { fundId, callId, set };
  };

  it('leaves nothing for the entities to add after the migrations (no missing migration)', async () => {
    expect(await pendingSchemaChanges(dataSource)).toEqual([]);
  });

  it('refuses an UPDATE or DELETE of a transaction or an entry, and any write of a balance but its own', async () => {
    const { set, callId } = await newCall(1_000n);
    const id = set.transaction.id;
    await expect(
      dataSource.query('UPDATE ledger_entries SET amount = amount * 2 WHERE transaction_id = $1', [id]),
    ).rejects.toThrow(/ledger_entries is append-only: UPDATE refused/);
    await expect(
      dataSource.query('DELETE FROM ledger_entries WHERE transaction_id = $1', [id]),
    ).rejects.toThrow(/append-only: DELETE refused/);
    await expect(
      dataSource.query("UPDATE ledger_transactions SET reference = 'x' WHERE id = $1", [id]),
    ).rejects.toThrow(/ledger_transactions is append-only/);
    await expect(dataSource.query('DELETE FROM ledger_transactions WHERE id = $1', [id])).rejects.toThrow(
      /append-only/,
    );
    await expect(
      dataSource.query(
        "UPDATE ledger_balances SET balance = 5000 WHERE account_kind = 'call_available' AND account_reference = $1",
        [callId],
      ),
    ).rejects.toThrow(/derived from ledger_entries/);
    expect(await ledger.balance(account('call_available', callId))).toBe(1_000n);
  });

  it('refuses at commit a transaction whose entries do not sum to zero, or that has none', async () => {
    const insertTransaction = (id: string) =>
      `INSERT INTO ledger_transactions (id, kind, reference, occurred_at) VALUES ('${id}', 'call_budget_set', 'c', now())`;
    const unbalanced = uuidv7();
    await expect(
      dataSource.transaction(async (manager) => {
        await manager.query(insertTransaction(unbalanced));
        await manager.query(
          `INSERT INTO ledger_entries (id, transaction_id, account_kind, account_reference, amount) VALUES
             ($1, $3, 'call_available', 'c', 100), ($2, $3, 'fund_capital', 'f', -99)`,
          [uuidv7(), uuidv7(), unbalanced],
        );
      }),
    ).rejects.toThrow(/unbalanced: 2 entries summing to 1/);
    const empty = uuidv7();
    await expect(
      dataSource.transaction((manager) => manager.query(insertTransaction(empty))),
    ).rejects.toThrow(/unbalanced: 0 entries/);
    const [{ count }] = await dataSource.query(
      'SELECT count(*)::int AS count FROM ledger_transactions WHERE id = ANY($1)',
      [[unbalanced, empty]],
    );
    expect(count).toBe(0);
  });

  it('lets exactly 10 of 50 parallel approvals through against a call with room for 10, and the rest get 409', async () => {
    const { callId } = await newCall(10n);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, () => post(Journal.grantApproved(callId, uuidv7(), 1n))),
    );
    const refused = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(10);
    expect(refused).toHaveLength(40);
    for (const outcome of refused) {
      expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(InsufficientBalanceError);
      expect((outcome as PromiseRejectedResult).reason).toMatchObject({ status: 409 });
    }
    expect(await ledger.balance(account('call_available', callId))).toBe(0n);
    const [{ approvals }] = await dataSource.query(
      `SELECT count(*)::int AS approvals FROM ledger_entries WHERE account_kind = 'call_available'
         AND account_reference = $1 AND amount < 0`,
      [callId],
    );
    expect(approvals).toBe(10);
  });

  it('corrects by reversal: the opposite entries restore the balances, once, and never below zero', async () => {
    const { set, callId } = await newCall(500n);
    const grantId = uuidv7();
    const approval = await post(Journal.grantApproved(callId, grantId, 300n));
    const reversals = app.get(LedgerReversalService);
    const actorId = uuidv7();

    // Taking the budget back now would leave the call 300 below zero.
    await expect(
      reversals.reverse({ transactionId: set.transaction.id, actorId, reason: 'nhầm' }),
    ).rejects.toMatchObject({
      code: 'LEDGER_BALANCE_INSUFFICIENT',
    });

    const reversal = await reversals.reverse({
      transactionId: approval.transaction.id,
      actorId,
      reason: 'Duyệt nhầm.',
    });
    expect(reversal.transaction).toMatchObject({
      kind: 'reversal',
      reversalOf: approval.transaction.id,
      actorId,
    });
    expect(await ledger.balance(account('call_available', callId))).toBe(500n);
    expect(await ledger.balance(account('grant_undisbursed', grantId))).toBe(0n);

    await expect(
      reversals.reverse({ transactionId: approval.transaction.id, actorId, reason: 'lần hai' }),
    ).rejects.toMatchObject({ code: 'LEDGER_ALREADY_REVERSED', status: 409 });
    await expect(
      reversals.reverse({ transactionId: reversal.transaction.id, actorId, reason: 'đảo của đảo' }),
    ).rejects.toMatchObject({ code: 'LEDGER_REVERSAL_NOT_REVERSIBLE' });
  });

  it('follows a grant through payment and settlement without ever paying more than approved', async () => {
    const { callId } = await newCall(1_000n);
    const grantId = uuidv7();
    await post(Journal.grantApproved(callId, grantId, 600n));
    await post(Journal.tranchePaid(grantId, uuidv7(), 420n));
    await expect(post(Journal.tranchePaid(grantId, uuidv7(), 181n))).rejects.toBeInstanceOf(
      InsufficientBalanceError,
    );
    await post(Journal.settlementReturned(grantId, 20n));
    await post(Journal.commitmentReleased(callId, grantId, 180n));
    const balances = await Promise.all(
      [
        account('call_available', callId),
        account('grant_undisbursed', grantId),
        account('grant_disbursed', grantId),
        account('grant_returned', grantId),
      ].map((a) => ledger.balance(a)),
    );
    expect(balances).toEqual([580n, 0n, 400n, 20n]);
  });

  it('serves a trial balance that sums to zero to fund staff only', async () => {
    const officer = as(Role.FundOfficer);
    const response = await request(app.getHttpServer())
      .get('/api/v1/funding/ledger/trial-balance')
      .set('authorization', officer.auth)
      .expect(200);
    expect(response.body.total).toBe('0');
    expect(response.body.totalDebit).toBe(response.body.totalCredit);
    expect(BigInt(response.body.totalDebit)).toBeGreaterThan(0n);
    const sum = (response.body.lines as { balance: string }[]).reduce(
      (total, line) => total + BigInt(line.balance),
      0n,
    );
    expect(sum).toBe(0n);
    await request(app.getHttpServer())
      .get('/api/v1/funding/ledger/trial-balance')
      .set('authorization', as(Role.Founder).auth)
      .expect(403);
  });

  it('exports the trial balance as a CSV an accountant opens: BOM, Vietnamese headers, totals equal', async () => {
    const response = await request(app.getHttpServer())
      .get('/api/v1/funding/ledger/trial-balance/csv')
      .set('authorization', as(Role.FundApprover).auth)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="bang-can-doi-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const bytes = response.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: string[][] = parse(bytes, { bom: true, delimiter: ';' });
    expect(rows[0]).toEqual(['Mã loại tài khoản', 'Tài khoản', 'Đối tượng', 'Dư Nợ (đồng)', 'Dư Có (đồng)']);
    const total = rows.at(-1) as string[];
    expect(total[1]).toBe('Tổng cộng');
    expect(total[3]).toBe(total[4]);
  });
});
