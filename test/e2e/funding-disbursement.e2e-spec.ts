import { jest } from '@jest/globals';
import { TOPICS } from '@khoinghiep/contracts';
import { EventTap } from '@khoinghiep/testing';
import { money, openCall, setApprovalLimit, submittedApplication } from './funding.support.js';
import { type Actor, api, expectStatus, signUp, staff } from './projects.support.js';
import { withSecondFactor } from './second-factor.support.js';

jest.setTimeout(180_000);

// Through the gateway with every app running: a founder's training application is approved for 200 million; a fund
// officer asks for the advance (70 %, Circular 36/2013), a fund approver with the second factor approves it, the
// officer pays; acceptance with its evidence, then settlement below what was paid records a return. The founder sees
// each step of their own grant, a stranger does not; the reports and their CSV add up; the trial balance is 0; the
// grant's events are read back from funding.events.
describe('disbursement through the gateway', () => {
  let founder: Actor;
  let programmeOfficer: Actor;
  let fundOfficer: Actor;
  let approver: Actor;
  let appraiser: Actor;
  let tap: EventTap;

  beforeAll(async () => {
    [programmeOfficer, fundOfficer, appraiser, approver, founder] = await Promise.all([
      staff('programme_officer', 'Trịnh Văn Bình'),
      staff('fund_officer', 'Phạm Thu Hà'),
      staff('fund_officer', 'Lê Văn Cường'),
      staff('fund_approver', 'Võ Minh Tuấn').then(withSecondFactor),
      signUp('founder', 'Nguyễn Thị Lan'),
    ]);
    tap = new EventTap(TOPICS.funding.name);
    await tap.start();
  });

  afterAll(async () => {
    await tap?.stop();
  });

  /** A grant of 200 million for training, approved through the routes. */
  const approvedGrant = async () => {
    const callId = await openCall(fundOfficer, '1000000000', ['kc_training']);
    const applicationId = await submittedApplication(founder, programmeOfficer, callId, {
      category: 'kc_training',
      description: 'Đào tạo thợ dệt thổ cẩm',
      cost: '400000000',
      requested: '200000000',
      ownContribution: '200000000',
    });
    // Appraisal (thẩm định): one appraiser with no conflict scores the call's rubric; the approver reads the summary.
    const appraisal = `/api/v1/funding/applications/${applicationId}/appraisal`;
    await expectStatus(api().post('/api/v1/funding/appraisers/me').set('authorization', appraiser.auth), 200);
    await expectStatus(
      api()
        .post(`${appraisal}/assignments`)
        .set('authorization', fundOfficer.auth)
        .send({ appraiserIds: [appraiser.id] }),
      200,
    );
    await expectStatus(
      api()
        .post(`${appraisal}/declaration`)
        .set('authorization', appraiser.auth)
        .send({ declaration: 'no_conflict' }),
      200,
    );
    await expectStatus(
      api()
        .put(`${appraisal}/scores`)
        .set('authorization', appraiser.auth)
        .send({ scores: [{ criterion: 'impact', score: 4, comment: 'Đào tạo 30 thợ dệt, có đầu ra.' }] }),
      200,
    );
    const appraised = await expectStatus(api().get(appraisal).set('authorization', approver.auth), 200);
    expect(appraised.body.summary).toMatchObject({ assigned: 1, scored: 1, recused: 0 });
    const decided = await expectStatus(
      money(approver, `/funding/applications/${applicationId}/decision`, { outcome: 'approved' }),
      201,
    );
    return { grantId: decided.body.grantId as string, callId };
  };

  /** Ask, approve, pay one tranche; answers the paid tranche. */
  const step = async (grantId: string, body: object, reference: string) => {
    const asked = await expectStatus(money(fundOfficer, `/funding/grants/${grantId}/tranches`, body), 201);
    await expectStatus(money(approver, `/funding/tranches/${asked.body.id}/approval`, {}), 200);
    return expectStatus(
      money(fundOfficer, `/funding/tranches/${asked.body.id}/payment`, { paymentReference: reference }),
      200,
    );
  };

  it('pays advance, acceptance and settlement with a return; the founder follows it; reports and ledger agree', async () => {
    await setApprovalLimit(approver, '500000000');
    const { grantId, callId } = await approvedGrant();

    // The approver cannot also be the maker, and the officer cannot approve (checker's role).
    await expectStatus(money(approver, `/funding/grants/${grantId}/tranches`, { kind: 'advance' }), 403);

    const advance = await step(grantId, { kind: 'advance' }, 'UNC-2026-000101');
    expect(advance.body).toMatchObject({
      kind: 'advance',
      amount: '140000000',
      advanceRateBp: 7000,
      status: 'paid',
    });
    await step(
      grantId,
      {
        kind: 'acceptance',
        amount: '40000000',
        acceptedCost: '380000000',
        evidence: [
          {
            name: 'bien-ban-nghiem-thu.pdf',
            mediaType: 'application/pdf',
            size: 482133,
            sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
          },
        ],
      },
      'UNC-2026-000102',
    );
    const settlement = await step(
      grantId,
      { kind: 'settlement', finalAmount: '160000000' },
      'PT-2026-000103',
    );
    expect(settlement.body).toMatchObject({ amount: '0', returnAmount: '20000000' });

    const seen = await expectStatus(
      api().get(`/api/v1/funding/grants/${grantId}/tranches`).set('authorization', founder.auth),
      200,
    );
    expect(seen.body).toMatchObject({
      stage: 'settled',
      approved: '200000000',
      disbursed: '180000000',
      returned: '20000000',
      remaining: '0',
    });
    expect(seen.body.tranches).toHaveLength(3);
    const stranger = await signUp('founder', 'Người lạ');
    await expectStatus(
      api().get(`/api/v1/funding/grants/${grantId}/tranches`).set('authorization', stranger.auth),
      404,
    );

    const calls = await expectStatus(
      api().get('/api/v1/funding/reports/calls').set('authorization', fundOfficer.auth),
      200,
    );
    expect(calls.body.rows.find((row: { callId: string }) => row.callId === callId)).toMatchObject({
      budget: '1000000000',
      committed: '180000000',
      disbursed: '180000000',
      returned: '20000000',
      available: '820000000',
    });
    const csv = await expectStatus(
      api()
        .get('/api/v1/funding/reports/grants/csv')
        .query({ callId })
        .set('authorization', fundOfficer.auth),
      200,
    );
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text.startsWith('\uFEFFMã khoản tài trợ;')).toBe(true);
    expect(csv.text).toContain(`${grantId};${callId};`);

    const trial = await expectStatus(
      api().get('/api/v1/funding/ledger/trial-balance').set('authorization', fundOfficer.auth),
      200,
    );
    expect(trial.body.total).toBe('0');
    expect(trial.body.lines).toEqual(
      expect.arrayContaining([
        { accountKind: 'grant_disbursed', accountReference: grantId, balance: '160000000' },
        { accountKind: 'grant_returned', accountReference: grantId, balance: '20000000' },
      ]),
    );

    const events = await tap.waitFor(grantId, 11);
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
  });
});
