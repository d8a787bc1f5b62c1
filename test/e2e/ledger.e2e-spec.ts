import { describe, expect, it, jest } from '@jest/globals';
import { v7 as uuidv7 } from 'uuid';
import { api, signUp, staff } from './projects.support.js';

// The funding ledger through the gateway, with every app running: the trial balance as JSON and as the accountant's
// CSV (media type and bytes relayed), and a money command whose Idempotency-Key the gateway forwards.

jest.setTimeout(60_000);

describe('the funding ledger through the gateway', () => {
  it('serves fund staff the trial balance, summing to zero, and its CSV with a BOM and Vietnamese headers', async () => {
    const officer = await staff('fund_officer', 'Lê Thị Thu');
    const json = await api()
      .get('/api/v1/funding/ledger/trial-balance')
      .set('authorization', officer.auth)
      .expect(200);
    expect(json.body).toMatchObject({ total: '0' });
    const csv = await api()
      .get('/api/v1/funding/ledger/trial-balance/csv')
      .set('authorization', officer.auth)
      .expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename=".+\.csv"$/);
    expect(
      csv.text.startsWith('\uFEFFMã loại tài khoản;Tài khoản;Đối tượng;Dư Nợ (đồng);Dư Có (đồng)\r\n'),
    ).toBe(true);
    const founder = await signUp('founder');
    await api()
      .get('/api/v1/funding/ledger/trial-balance/csv')
      .set('authorization', founder.auth)
      .expect(403);
  });

  it('forwards Idempotency-Key to a money command, and refuses the command without it, naming the header', async () => {
    const approver = await staff('fund_approver', 'Phạm Quang Huy');
    const path = `/api/v1/funding/ledger/transactions/${uuidv7()}/reversal`;
    const missing = await api()
      .post(path)
      .set('authorization', approver.auth)
      .send({ reason: 'Ghi nhầm.' })
      .expect(400);
    expect(missing.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REQUIRED', header: 'Idempotency-Key' });
    const forwarded = await api()
      .post(path)
      .set('authorization', approver.auth)
      .set('Idempotency-Key', uuidv7())
      .send({ reason: 'Ghi nhầm.' })
      .expect(404);
    expect(forwarded.body.code).toBe('LEDGER_TRANSACTION_NOT_FOUND');
  });
});
