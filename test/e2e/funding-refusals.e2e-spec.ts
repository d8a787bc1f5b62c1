import { jest } from '@jest/globals';
import { v7 as uuidv7 } from 'uuid';
import { money, openCall, setApprovalLimit, submittedApplication } from './funding.support.js';
import { type Actor, admin, api, expectStatus, signUp, staff } from './projects.support.js';
import { withSecondFactor } from './second-factor.support.js';

jest.setTimeout(180_000);

const MACHINERY = {
  category: 'kc_machinery',
  cost: '450000000',
  requested: '200000000',
  ownContribution: '150000000',
};

/** Today in Vietnam (UTC+7), the day a rule recorded now takes effect from. */
const todayInVietnam = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

// Each forbidden money action through the gateway, with every app running: refused with a clear problem, and
// nothing written (the application stays submitted, the call commits nothing); the allowed action then succeeds.
describe('what the money routes refuse', () => {
  let programmeOfficer: Actor;
  let fundOfficer: Actor;
  let approver: Actor;
  let timidApprover: Actor;
  let passwordOnlyApprover: Actor;
  let founder: Actor;
  let otherFounder: Actor;

  beforeAll(async () => {
    [programmeOfficer, fundOfficer, approver, timidApprover, passwordOnlyApprover, founder, otherFounder] =
      await Promise.all([
        staff('programme_officer', 'Trịnh Văn Bình'),
        staff('fund_officer', 'Phạm Thu Hà'),
        staff('fund_approver', 'Võ Minh Tuấn').then(withSecondFactor),
        staff('fund_approver', 'Đỗ Văn Nhỏ').then(withSecondFactor),
        staff('fund_approver', 'Hồ Thị Chưa'),
        signUp('founder', 'Nguyễn Thị Lan'),
        signUp('founder', 'Trần Văn Khác'),
      ]);
    await setApprovalLimit(approver, '1000000000');
    await setApprovalLimit(timidApprover, '50000000');
    await setApprovalLimit(passwordOnlyApprover, '1000000000');
  });

  const application = (id: string, actor: Actor) =>
    api().get(`/api/v1/funding/applications/${id}`).set('authorization', actor.auth);
  const decide = (actor: Actor, id: string, body: object = { outcome: 'approved' }) =>
    money(actor, `/funding/applications/${id}/decision`, body).set('accept-language', 'en');

  it('refuses the wrong role, another founder, no second factor, over the limit and bad payloads, then approves', async () => {
    const callId = await openCall(fundOfficer, '1000000000', ['kc_machinery']);
    const id = await submittedApplication(founder, programmeOfficer, callId, MACHINERY);

    await application(id, otherFounder).expect(404);
    expect((await decide(founder, id)).body).toMatchObject({ status: 403, code: 'FORBIDDEN_ROLE' });
    expect((await decide(fundOfficer, id)).body).toMatchObject({ status: 403, code: 'FORBIDDEN_ROLE' });
    expect((await decide(passwordOnlyApprover, id)).body).toMatchObject({
      status: 403,
      code: 'SECOND_FACTOR_REQUIRED',
    });
    expect((await decide(timidApprover, id)).body).toMatchObject({
      status: 409,
      code: 'OVER_APPROVAL_LIMIT',
    });
    const badAmount = await decide(approver, id, { outcome: 'approved', amount: '12.5' });
    expect(badAmount.status).toBe(400);
    expect(badAmount.body.errors).toEqual([expect.objectContaining({ field: 'amount' })]);
    const badOutcome = await decide(approver, id, { outcome: 'maybe' });
    expect(badOutcome.status).toBe(400);
    expect(badOutcome.body.errors).toEqual([expect.objectContaining({ field: 'outcome' })]);
    const noKey = await api()
      .post(`/api/v1/funding/applications/${id}/decision`)
      .set('authorization', approver.auth)
      .send({ outcome: 'approved' });
    expect(noKey.body).toMatchObject({ status: 400, code: 'IDEMPOTENCY_KEY_REQUIRED' });

    // Nothing was written by any of them.
    expect((await application(id, founder)).body.status).toBe('submitted');
    const call = await expectStatus(api().get(`/api/v1/funding/calls/${callId}`), 200);
    expect(call.body.committed).toBe('0');

    const approved = await decide(approver, id);
    expect(approved.status).toBe(201);
    expect((await application(id, founder)).body.status).toBe('approved');
  });

  it('refuses a decision on one’s own application and a tranche approved by the one who asked for it', async () => {
    const applicantApprover = await staff(['founder', 'fund_approver'], 'Lý Văn Kiêm').then(withSecondFactor);
    const makerChecker = await staff(['fund_officer', 'fund_approver'], 'Mai Thị Gộp').then(withSecondFactor);
    await setApprovalLimit(applicantApprover, '1000000000');
    await setApprovalLimit(makerChecker, '1000000000');
    const callId = await openCall(fundOfficer, '1000000000', ['kc_machinery']);

    const own = await submittedApplication(applicantApprover, programmeOfficer, callId, MACHINERY);
    const selfApproval = await decide(applicantApprover, own);
    expect(selfApproval.body).toMatchObject({ status: 422, code: 'DECISION_OWN_APPLICATION' });
    expect((await application(own, applicantApprover)).body.status).toBe('submitted');

    const id = await submittedApplication(founder, programmeOfficer, callId, MACHINERY);
    const grantId = (await expectStatus(decide(approver, id), 201)).body.grantId as string;
    const asked = await expectStatus(
      money(makerChecker, `/funding/grants/${grantId}/tranches`, {
        kind: 'acceptance',
        amount: '100000000',
        acceptedCost: '300000000',
        evidence: [
          {
            name: 'bien-ban-nghiem-thu.pdf',
            mediaType: 'application/pdf',
            size: 482133,
            sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
          },
        ],
      }),
      201,
    );
    const ownApproval = await money(makerChecker, `/funding/tranches/${asked.body.id}/approval`, {});
    expect(ownApproval.body).toMatchObject({ status: 422, code: 'TRANCHE_SAME_MAKER_CHECKER' });
    await expectStatus(money(approver, `/funding/tranches/${asked.body.id}/approval`, {}), 200);
  });

  it('refuses an approval over a ceiling lowered after submission: decisions apply the rules in force that day', async () => {
    // Lai Châu (12): whatever machinery ceiling is in force today, ask for exactly it, then lower it by one đồng.
    const [ceiling] = (
      await expectStatus(
        api()
          .get('/api/v1/funding/rules')
          .query({ kind: 'support_ceiling', category: 'kc_machinery', provinceCode: '12' }),
        200,
      )
    ).body as { amountCap: string }[];
    const cap = BigInt(ceiling?.amountCap ?? 0);
    const callId = await openCall(fundOfficer, '1000000000', ['kc_machinery']);
    const id = await submittedApplication(
      founder,
      programmeOfficer,
      callId,
      {
        category: 'kc_machinery',
        cost: String(cap * 2n),
        requested: String(cap),
        ownContribution: String(cap),
      },
      { provinceCode: '12' },
    );
    await expectStatus(
      api()
        .post('/api/v1/funding/rules')
        .set('authorization', (await admin()).auth)
        .send({
          kind: 'support_ceiling',
          category: 'kc_machinery',
          provinceCode: '12',
          amountCap: String(cap - 1n),
          effectiveFrom: todayInVietnam(),
          legalSourceNumber: `E2E-${uuidv7().slice(-8)}/NQ-HĐND`,
          legalSourceName: 'Nghị quyết mức hỗ trợ khuyến công địa phương tỉnh Lai Châu',
          reason: 'E2E: trần máy móc hạ sau khi đề án đã nộp',
        }),
      201,
    );
    const overCeiling = await decide(approver, id);
    expect(overCeiling.body).toMatchObject({ status: 422, code: 'DECISION_AMOUNT_OVER_CEILING' });
    expect((await decide(approver, id, { outcome: 'approved', amount: String(cap - 1n) })).status).toBe(201);
  });
});
