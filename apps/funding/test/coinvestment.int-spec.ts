import 'reflect-metadata';
import { jest } from '@jest/globals';
import { AccessTokenService, type AuthenticatedUser } from '@khoinghiep/auth';
import { Role, TOPICS } from '@khoinghiep/contracts';
import { EventTap, freshDatabase } from '@khoinghiep/testing';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { startFundingApp } from './support/funding-app.js';
import { postOpenCallBudget } from './support/open-call-budget.js';

// State co-investment proposals (Decree 38/2018) against real PostgreSQL and Kafka, through the routes: a fund
// officer opens one beside private funds (submitted at once, eligibility recorded, the founder reads it), an
// approval within 30 % of the private total passes and records the cap's rule version, one over it is refused
// naming the cap; no private fund, the wrong role and a fund that may not co-invest are refused.

jest.setTimeout(120_000);

const BILLION = 1_000_000_000n;

describe('co-investment proposals against PostgreSQL and Kafka', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let tap: EventTap;
  let http: () => ReturnType<typeof request>;
  let tokens: AccessTokenService;

  const signIn = (role: Role) => {
    const user: AuthenticatedUser = {
      id: uuidv7(),
      email: `${role}-${uuidv7()}@itest.vn`,
      name: role,
      roles: [role],
      amr: ['pwd', 'otp'],
    };
    return { user, auth: `Bearer ${tokens.issue(user).accessToken}` };
  };

  beforeAll(async () => {
    app = await startFundingApp(await freshDatabase('funding_coinvestment_int'));
    dataSource = app.get(DataSource);
    tokens = app.get(AccessTokenService);
    http = () => request(app.getHttpServer());
    tap = new EventTap(TOPICS.funding.name);
    await tap.start();
  }, 90_000);

  afterAll(async () => {
    await tap?.stop();
    await app?.close();
  });

  const newCall = async (
    fundKind: 'provincial_venture_fund' | 'khuyen_cong_local',
    budget = 100n * BILLION,
  ) => {
    const fundId = uuidv7();
    const callId = uuidv7();
    const now = new Date();
    const category = fundKind === 'provincial_venture_fund' ? 'state_coinvestment' : 'kc_machinery';
    await dataSource.query(
      `INSERT INTO funds (id, kind, name, owner_agency, province_code, capital_central_budget,
         capital_provincial_budget, capital_private, capital_association, version, created_by, created_at, updated_at)
       VALUES ($1, $2, 'Quỹ Đắk Lắk', 'UBND tỉnh Đắk Lắk', '66', 0, 40000000000, 60000000000, 0, 1, $3, $4, $4)`,
      [fundId, fundKind, uuidv7(), now],
    );
    await dataSource.query(
      `INSERT INTO funding_calls (id, fund_id, fiscal_year, title, description, status, version, budget, committed,
         support_categories, eligible_applicant_kinds, eligible_province_codes, eligible_target_groups,
         published_project_required, allocation_rule, appraisal_rubric, opens_at, closes_at, created_by,
         created_at, updated_at)
       VALUES ($1, $2, 2026, 'Đồng đầu tư 2026', 'Đồng đầu tư khởi nghiệp', 'open', 2, $3, 0, $4, '{}', '{}', '{}',
         true, 'first_come', '{"criteria":[],"scale":{"min":0,"max":10}}', $5, $6, $7, $8, $8)`,
      [
        callId,
        fundId,
        budget.toString(),
        [category],
        new Date(Date.now() - 86_400_000),
        new Date(Date.now() + 30 * 86_400_000),
        uuidv7(),
        now,
      ],
    );
    await postOpenCallBudget(app, fundId, callId, budget);
    return callId;
  };

  const publishedProject = async () => {
    const projectId = uuidv7();
    const founder = signIn(Role.Founder);
    await dataSource.query(
      `INSERT INTO project_directory (project_id, owner_id, published, title, kind, sector, province_code,
         target_groups, last_version, last_event_type, updated_at)
       VALUES ($1, $2, true, 'Nền tảng nông sản số', 'innovative_startup', 'agriculture_food', '66', '{}', 1,
         'projects.project.approved', now())`,
      [projectId, founder.user.id],
    );
    return { projectId, founder };
  };

  const privateFund = (amount: bigint) => ({
    name: 'Quỹ Đầu tư Mạo hiểm Sông Hồng',
    kind: 'private_venture_fund',
    amount: amount.toString(),
    choseOn: '2026-10-01',
  });

  const open = (auth: string, body: object) =>
    http().post('/api/v1/funding/coinvestments').set('Authorization', auth).send(body);

  const approver = async (limit: bigint) => {
    const signedIn = signIn(Role.FundApprover);
    const admin = signIn(Role.Admin);
    const set = await http()
      .post(`/api/v1/funding/approval-limits/${signedIn.user.id}`)
      .set('Authorization', admin.auth)
      .send({ limit: limit.toString(), reason: 'Quyết định uỷ quyền 12/QĐ-UBND' });
    expect(set.status).toBe(201);
    return signedIn;
  };

  const decide = (auth: string, applicationId: string, body: object) =>
    http()
      .post(`/api/v1/funding/applications/${applicationId}/decision`)
      .set('Authorization', auth)
      .set('Idempotency-Key', uuidv7())
      .send(body);

  it('opens a proposal submitted at once, which the founder reads, and approves it within 30 % of the private total', async () => {
    const callId = await newCall('provincial_venture_fund');
    const { projectId, founder } = await publishedProject();
    const officer = signIn(Role.FundOfficer);
    const opened = await open(officer.auth, {
      callId,
      projectId,
      applicantKind: 'innovative_startup',
      amount: ((9n * BILLION) / 10n).toString(),
      privateInvestors: [
        privateFund(2n * BILLION),
        {
          name: 'Nguyễn Văn An',
          kind: 'angel_investor',
          amount: (1n * BILLION).toString(),
          choseOn: '2026-09-15',
        },
      ],
    });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({
      kind: 'coinvestment',
      status: 'submitted',
      applicantId: founder.user.id,
      eligibility: { eligible: true },
    });
    const id = opened.body.id as string;
    const seenByFounder = await http()
      .get(`/api/v1/funding/applications/${id}`)
      .set('Authorization', founder.auth);
    expect(seenByFounder.status).toBe(200);
    expect(seenByFounder.body.kind).toBe('coinvestment');
    const events = await tap.waitFor(id, 2);
    expect(events.map((event) => event.envelope.type)).toEqual([
      'funding.application.submitted',
      'funding.application.eligibility_checked',
    ]);
    expect(events[0]?.key).toBe(id);
    expect(events[0]?.envelope.payload).toMatchObject({ kind: 'coinvestment', totalRequested: '900000000' });

    const boss = await approver(10n * BILLION);
    const approved = await decide(boss.auth, id, { outcome: 'approved' });
    expect(approved.status).toBe(201);
    expect(approved.body.approvedAmount ?? approved.body.amount).toBe('900000000');
    const [cap] = await dataSource.query(
      `SELECT id FROM programme_rule_versions WHERE kind = 'coinvestment_cap' AND province_code IS NULL`,
    );
    expect(approved.body.ruleVersionIds).toContain(cap.id);
  });

  it('refuses an approval over the cap with 422 naming the cap, the private total and the rule version', async () => {
    const callId = await newCall('provincial_venture_fund');
    const { projectId } = await publishedProject();
    const officer = signIn(Role.FundOfficer);
    const opened = await open(officer.auth, {
      callId,
      projectId,
      applicantKind: 'innovative_startup',
      amount: '600000001',
      privateInvestors: [privateFund(2n * BILLION)],
    });
    expect(opened.status).toBe(201);
    const boss = await approver(10n * BILLION);
    const refused = await decide(boss.auth, opened.body.id, { outcome: 'approved' });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: 'DECISION_COINVESTMENT_OVER_CAP',
      cap: '600000000',
      privateTotal: '2000000000',
      amount: '600000001',
    });
    expect(refused.body.ruleVersionId).toEqual(expect.any(String));
    expect(refused.body.detail).toContain('600000000');
    const [row] = await dataSource.query('SELECT status FROM applications WHERE id = $1', [opened.body.id]);
    expect(row.status).toBe('submitted');
    const within = await decide(boss.auth, opened.body.id, { outcome: 'approved', amount: '600000000' });
    expect(within.status).toBe(201);

    const again = await open(officer.auth, {
      callId,
      projectId,
      applicantKind: 'innovative_startup',
      amount: '100000000',
      privateInvestors: [privateFund(2n * BILLION)],
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('APPLICATION_DUPLICATE');
  });

  it('refuses a proposal without a private fund (400), the wrong role (403), and a fund that may not co-invest (409)', async () => {
    const callId = await newCall('provincial_venture_fund');
    const { projectId, founder } = await publishedProject();
    const officer = signIn(Role.FundOfficer);
    const body = { callId, projectId, applicantKind: 'innovative_startup', amount: '100000000' };

    const none = await open(officer.auth, { ...body, privateInvestors: [] });
    expect(none.status).toBe(400);
    const angelsOnly = await open(officer.auth, {
      ...body,
      privateInvestors: [{ ...privateFund(BILLION), kind: 'angel_investor' }],
    });
    expect(angelsOnly.status).toBe(400);
    expect(JSON.stringify(angelsOnly.body)).toContain('privateInvestors');

    for (const who of [founder, signIn(Role.FundApprover)]) {
      const forbidden = await open(who.auth, { ...body, privateInvestors: [privateFund(BILLION)] });
      expect(forbidden.status).toBe(403);
    }

    const grantCall = await newCall('khuyen_cong_local');
    const wrongFund = await open(officer.auth, {
      ...body,
      callId: grantCall,
      privateInvestors: [privateFund(BILLION)],
    });
    expect(wrongFund.status).toBe(409);
    expect(wrongFund.body.code).toBe('COINVESTMENT_FUND_KIND');

    const [{ count }] = await dataSource.query(
      'SELECT count(*)::int AS count FROM applications WHERE project_id = $1',
      [projectId],
    );
    expect(count).toBe(0);
  });

  it('is refused by the database too: no private venture fund, or a private amount of 0', async () => {
    const callId = await newCall('provincial_venture_fund');
    const { projectId, founder } = await publishedProject();
    const id = uuidv7();
    const insert = () =>
      dataSource.query(
        `INSERT INTO applications (id, call_id, project_id, applicant_id, kind, status, version, applicant_kind,
           declared_priority_groups, co_financing_central, co_financing_provincial, co_financing_own, created_at,
           updated_at)
         VALUES ($1, $2, $3, $4, 'coinvestment', 'draft', 1, 'innovative_startup', '{}', 0, 1, 0, now(), now())`,
        [id, callId, projectId, founder.user.id],
      );
    await expect(insert()).rejects.toThrow(/private venture fund/);
    await expect(
      dataSource.transaction(async (manager) => {
        await manager.query(
          `INSERT INTO applications (id, call_id, project_id, applicant_id, kind, status, version, applicant_kind,
             declared_priority_groups, co_financing_central, co_financing_provincial, co_financing_own, created_at,
             updated_at)
           VALUES ($1, $2, $3, $4, 'coinvestment', 'draft', 1, 'innovative_startup', '{}', 0, 1, 0, now(), now())`,
          [id, callId, projectId, founder.user.id],
        );
        await manager.query(
          `INSERT INTO coinvestment_private_investors (application_id, position, name, kind, amount, chose_on)
           VALUES ($1, 0, 'Quỹ A', 'private_venture_fund', 0, '2026-10-01')`,
          [id],
        );
      }),
    ).rejects.toThrow(/CHK_coinvestment_private_investors_amount/);
  });
});
