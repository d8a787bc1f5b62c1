import { expect } from '@jest/globals';
import { AccessTokenService, type AuthenticatedUser } from '@khoinghiep/auth';
import { Role } from '@khoinghiep/contracts';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { postOpenCallBudget } from './open-call-budget.js';

const MILLION = 1_000_000n;

/**
 * What the tranche and report tests share: signed-in users, approval limits, a grant approved through the decision
 * route (a call, a published project, a submitted eligible application), the tranche routes and ledger reads.
 */
export function trancheFixtures(app: INestApplication) {
  const dataSource = app.get(DataSource);
  const tokens = app.get(AccessTokenService);
  const http = () => request(app.getHttpServer());

  const signIn = (roles: Role[], otp = true, id: string = uuidv7()) => {
    const user: AuthenticatedUser = {
      id,
      email: `${roles[0]}-${uuidv7()}@itest.vn`,
      name: roles.join('+'),
      roles,
      ...(otp ? { amr: ['pwd', 'otp'] as AuthenticatedUser['amr'] } : {}),
    };
    return { user, auth: `Bearer ${tokens.issue(user).accessToken}` };
  };
  const admin = signIn([Role.Admin]);

  const setLimit = async (approverId: string, limit: bigint) =>
    expect(
      (
        await http()
          .post(`/api/v1/funding/approval-limits/${approverId}`)
          .set('Authorization', admin.auth)
          .send({ limit: limit.toString(), reason: 'Quyết định uỷ quyền 12/QĐ-UBND' })
      ).status,
    ).toBe(201);

  const approver = async (limit: bigint, roles: Role[] = [Role.FundApprover]) => {
    const signedIn = signIn(roles);
    await setLimit(signedIn.user.id, limit);
    return signedIn;
  };

  /** A grant of `amount` for a `category` application, approved through the decision route. */
  const grantOf = async (amount: bigint, category = 'kc_training') => {
    const fundId = uuidv7();
    const callId = uuidv7();
    const projectId = uuidv7();
    const applicationId = uuidv7();
    const applicantId = uuidv7();
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
       VALUES ($1, $2, 2026, 'Đợt 1/2026', 'Hỗ trợ', 'open', 2, $3, 0, $4, '{}', '{}', '{}',
         true, 'first_come', '{"criteria":[],"scale":{"min":0,"max":10}}', $5, $6, $7, $8, $8)`,
      [
        callId,
        fundId,
        (1_000n * MILLION).toString(),
        [category],
        new Date(Date.now() - 86_400_000),
        new Date(Date.now() + 30 * 86_400_000),
        uuidv7(),
        now,
      ],
    );
    await postOpenCallBudget(app, fundId, callId, 1_000n * MILLION);
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
       VALUES ($1, $2, $3, $4, 'grant', 'draft', 1, 'rural_industry', '{}', 0, $5, $5, $6, $6)`,
      [applicationId, callId, projectId, applicantId, amount.toString(), now],
    );
    await dataSource.query(
      `INSERT INTO application_budget_lines (application_id, position, category, description, cost, requested,
         own_contribution) VALUES ($1, 0, $4, 'Đào tạo nghề', $2, $3, $3)`,
      [applicationId, (amount * 2n).toString(), amount.toString(), category],
    );
    await dataSource.query(
      `UPDATE applications SET status = 'submitted', eligible = true, eligibility_checked_at = $2,
         submitted_at = $2, version = 2 WHERE id = $1`,
      [applicationId, now],
    );
    const decider = await approver(10_000n * MILLION);
    const decided = await http()
      .post(`/api/v1/funding/applications/${applicationId}/decision`)
      .set('Authorization', decider.auth)
      .set('Idempotency-Key', uuidv7())
      .send({ outcome: 'approved' });
    expect(decided.status).toBe(201);
    return { grantId: decided.body.grantId as string, callId, applicantId };
  };

  const post = (auth: string, path: string, body: object, key: string = uuidv7()) =>
    http().post(`/api/v1${path}`).set('Authorization', auth).set('Idempotency-Key', key).send(body);
  const requestTranche = (auth: string, grantId: string, body: object, key?: string) =>
    post(auth, `/funding/grants/${grantId}/tranches`, body, key);
  const approveTranche = (auth: string, trancheId: string, key?: string) =>
    post(auth, `/funding/tranches/${trancheId}/approval`, {}, key);
  const payTranche = (auth: string, trancheId: string, reference: string, key?: string) =>
    post(auth, `/funding/tranches/${trancheId}/payment`, { paymentReference: reference }, key);

  const balance = async (kind: string, reference: string): Promise<bigint> => {
    const rows: { balance: string }[] = await dataSource.query(
      'SELECT balance FROM ledger_balances WHERE account_kind = $1 AND account_reference = $2',
      [kind, reference],
    );
    return BigInt(rows[0]?.balance ?? '0');
  };
  const trialBalanceTotal = async () => {
    const rows: { total: string }[] = await dataSource.query(
      'SELECT coalesce(sum(balance), 0)::text AS total FROM ledger_balances',
    );
    return rows[0]?.total;
  };
  const committedOf = async (callId: string): Promise<bigint> => {
    const rows: { committed: string }[] = await dataSource.query(
      'SELECT committed FROM funding_calls WHERE id = $1',
      [callId],
    );
    return BigInt(rows[0]?.committed ?? '-1');
  };

  return {
    signIn,
    setLimit,
    approver,
    grantOf,
    post,
    requestTranche,
    approveTranche,
    payTranche,
    balance,
    trialBalanceTotal,
    committedOf,
  };
}
