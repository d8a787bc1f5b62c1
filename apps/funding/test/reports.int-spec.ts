import 'reflect-metadata';
import { jest } from '@jest/globals';
import { Role } from '@khoinghiep/contracts';
import { freshDatabase } from '@khoinghiep/testing';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { startFundingApp } from './support/funding-app.js';
import { trancheFixtures } from './support/tranche-fixtures.js';

// Reports against real PostgreSQL (own database, migrated from scratch), through the routes: per call, per grant and
// budget against actual per support category, as JSON and as CSV an accountant opens (BOM, ";", Vietnamese headers).

jest.setTimeout(180_000);

const SHA = 'b'.repeat(64);

describe('funding reports against PostgreSQL', () => {
  let app: INestApplication;
  let fx: ReturnType<typeof trancheFixtures>;
  let http: () => ReturnType<typeof request>;

  beforeAll(async () => {
    app = await startFundingApp(await freshDatabase('reports_int'));
    http = () => request(app.getHttpServer());
    fx = trancheFixtures(app);
  }, 90_000);

  afterAll(async () => {
    await app?.close();
  });

  it('sums calls, grants and categories from what was approved, paid and returned, as JSON and CSV', async () => {
    const officer = fx.signIn([Role.FundOfficer]);
    const checker = await fx.approver(1_000_000_000n);
    const settled = await fx.grantOf(200_000_000n);
    const open = await fx.grantOf(100_000_000n);

    // Settled grant: advance 140 M, acceptance 40 M, settlement at 150 M → 30 M returned, 20 M released.
    const run = async (grantId: string, body: object) => {
      const asked = await fx.requestTranche(officer.auth, grantId, body);
      expect(asked.status).toBe(201);
      expect((await fx.approveTranche(checker.auth, asked.body.id)).status).toBe(200);
      expect(
        (await fx.payTranche(officer.auth, asked.body.id, `UNC-${asked.body.id.slice(-8)}`)).status,
      ).toBe(200);
    };
    await run(settled.grantId, { kind: 'advance' });
    await run(settled.grantId, {
      kind: 'acceptance',
      amount: '40000000',
      acceptedCost: '300000000',
      evidence: [{ name: 'bien-ban.pdf', mediaType: 'application/pdf', size: 10, sha256: SHA }],
    });
    await run(settled.grantId, { kind: 'settlement', finalAmount: '150000000' });
    // Open grant: only its advance (70 M) paid.
    await run(open.grantId, { kind: 'advance' });

    const calls = await http().get('/api/v1/funding/reports/calls').set('Authorization', officer.auth);
    expect(calls.status).toBe(200);
    expect(calls.body.rows.find((row: { callId: string }) => row.callId === settled.callId)).toMatchObject({
      budget: '1000000000',
      committed: '180000000',
      disbursed: '180000000',
      returned: '30000000',
      available: '820000000',
    });

    const grants = await http()
      .get('/api/v1/funding/reports/grants')
      .query({ callId: open.callId })
      .set('Authorization', officer.auth);
    expect(grants.status).toBe(200);
    expect(grants.body.rows).toEqual([
      expect.objectContaining({
        grantId: open.grantId,
        stage: 'disbursing',
        approved: '100000000',
        disbursed: '70000000',
        remaining: '30000000',
      }),
    ]);
    const badFilter = await http()
      .get('/api/v1/funding/reports/grants')
      .query({ callId: 'not-a-uuid' })
      .set('Authorization', officer.auth);
    expect(badFilter.status).toBe(400);

    const categories = await http()
      .get('/api/v1/funding/reports/categories')
      .set('Authorization', officer.auth);
    expect(categories.status).toBe(200);
    expect(categories.body.rows).toEqual([
      { category: 'kc_training', grants: 2, budget: '300000000', actual: '220000000', variance: '80000000' },
    ]);

    const csv = await http()
      .get('/api/v1/funding/reports/grants/csv')
      .query({ callId: settled.callId })
      .set('Authorization', officer.auth)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="bao-cao-khoan-tai-tro-/);
    const bytes = csv.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe(
      'Mã khoản tài trợ;Mã đợt;Mã dự án;Người được tài trợ;Giai đoạn;Được duyệt (đồng);Đã chi (đồng);Đã thu hồi (đồng);Còn lại (đồng)',
    );
    expect(lines[1]).toContain(`${settled.grantId};${settled.callId};`);
    expect(lines[1]).toMatch(/;Đã quyết toán;200000000;180000000;30000000;0$/);

    for (const path of ['/funding/reports/calls/csv', '/funding/reports/categories/csv']) {
      const file = await http().get(`/api/v1${path}`).set('Authorization', officer.auth);
      expect(file.status).toBe(200);
      expect(file.text.startsWith('\uFEFF')).toBe(true);
    }
    const founder = fx.signIn([Role.Founder]);
    expect(
      (await http().get('/api/v1/funding/reports/calls').set('Authorization', founder.auth)).status,
    ).toBe(403);
    expect(await fx.trialBalanceTotal()).toBe('0');
  });
});
