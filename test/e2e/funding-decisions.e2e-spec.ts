import { jest } from '@jest/globals';
import { TOPICS } from '@khoinghiep/contracts';
import { EventTap } from '@khoinghiep/testing';
import type request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import { openCall, setApprovalLimit, submittedApplication } from './funding.support.js';
import { type Actor, api, expectStatus, signUp, staff } from './projects.support.js';
import { withSecondFactor } from './second-factor.support.js';

jest.setTimeout(180_000);

const APPLICATIONS = 8;

// Through the gateway with every app running: founders' published projects reach funding, they apply to a first
// come call with room for 3 of 8 and submit; an admin sets the approver's limit; the ranked list shows who the budget
// covers; 8 approvals sent at once give exactly 3 approvals and 5 clear 409s; the grantee reads the grant; the
// ledger's trial balance still sums to zero; the events are read back from funding.events by a real consumer.
describe('decisions through the gateway', () => {
  let founders: Actor[];
  let programmeOfficer: Actor;
  let fundOfficer: Actor;
  let approver: Actor;
  let tap: EventTap;

  beforeAll(async () => {
    [programmeOfficer, fundOfficer, approver] = await Promise.all([
      staff('programme_officer', 'Trịnh Văn Bình'),
      staff('fund_officer', 'Phạm Thu Hà'),
      staff('fund_approver', 'Võ Minh Tuấn').then(withSecondFactor),
    ]);
    founders = await Promise.all(
      Array.from({ length: APPLICATIONS }, (_, index) => signUp('founder', `Nhà sáng lập ${index + 1}`)),
    );
    tap = new EventTap(TOPICS.funding.name);
    await tap.start();
  });

  afterAll(async () => {
    await tap?.stop();
  });

  const openMachineryCall = (budget: string) => openCall(fundOfficer, budget, ['kc_machinery']);
  const submitted = (founder: Actor, callId: string) =>
    submittedApplication(founder, programmeOfficer, callId, {
      category: 'kc_machinery',
      cost: '450000000',
      requested: '200000000',
      ownContribution: '150000000',
    });

  it('ranks, then gives exactly 3 approvals and 5 clear 409s to 8 approvals at once against room for 3', async () => {
    const callId = await openMachineryCall('600000000');
    const ids: string[] = [];
    for (const founder of founders) ids.push(await submitted(founder, callId));

    await setApprovalLimit(approver, '250000000');

    const ranking = await expectStatus(
      api().get(`/api/v1/funding/calls/${callId}/ranking`).set('authorization', approver.auth),
      200,
    );
    expect(ranking.body.entries.map((entry: { applicationId: string }) => entry.applicationId)).toEqual(ids);
    expect(ranking.body.entries.map((entry: { covered: boolean }) => entry.covered)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
      false,
      false,
    ]);

    const answers = await Promise.all(
      ids.map((id) =>
        api()
          .post(`/api/v1/funding/applications/${id}/decision`)
          .set('authorization', approver.auth)
          .set('idempotency-key', uuidv7())
          .set('accept-language', 'en')
          .send({ outcome: 'approved' }),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(3);
    expect(statuses.filter((status) => status === 409)).toHaveLength(5);
    for (const refused of answers.filter((answer) => answer.status === 409)) {
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(refused.body).toMatchObject({
        code: 'CALL_BUDGET_EXCEEDED',
        detail: 'Approving 200000000 đồng but the call has only 0 đồng left.',
      });
    }

    // The grantee reads their grant; another founder cannot.
    const first = answers.find((answer) => answer.status === 201) as request.Response;
    const grantee = founders[ids.indexOf(first.body.applicationId)] as Actor;
    const grant = await expectStatus(
      api().get(`/api/v1/funding/grants/${first.body.grantId}`).set('authorization', grantee.auth),
      200,
    );
    expect(grant.body).toMatchObject({ amount: '200000000', beneficiaryId: grantee.id });
    const stranger = founders.find((founder) => founder !== grantee) as Actor;
    await expectStatus(
      api().get(`/api/v1/funding/grants/${first.body.grantId}`).set('authorization', stranger.auth),
      404,
    );

    const trial = await expectStatus(
      api().get('/api/v1/funding/ledger/trial-balance').set('authorization', fundOfficer.auth),
      200,
    );
    expect(trial.body.total).toBe('0');
    expect(trial.body.lines).toEqual(
      expect.arrayContaining([{ accountKind: 'call_available', accountReference: callId, balance: '0' }]),
    );

    // The call's events: opened, then budget_exhausted.
    const exhausted = await tap.waitFor(callId, 2);
    expect(exhausted.map((event) => event.envelope.type)).toContain('funding.call.budget_exhausted');
    const approvedEvents = (
      await Promise.all(
        // An application's events: submitted, eligibility_checked, then approved.
        answers
          .filter((answer) => answer.status === 201)
          .map((answer) => tap.waitFor(answer.body.applicationId, 3)),
      )
    )
      .flat()
      .filter((event) => event.envelope.type.startsWith('funding.application.approved'));
    expect(approvedEvents).toHaveLength(3);
    expect(approvedEvents[0]?.envelope.payload).toMatchObject({ approvedAmount: '200000000' });

    // What is left: a bulk approval stops at once with the reason; a rejection needs only a reason.
    const undecided = answers.filter((answer) => answer.status === 409).map((_, index) => index);
    const remainingIds = ids.filter((id) => !answers.some((answer) => answer.body.applicationId === id));
    expect(remainingIds).toHaveLength(undecided.length);
    const bulk = await expectStatus(
      api()
        .post(`/api/v1/funding/calls/${callId}/bulk-approval`)
        .set('authorization', approver.auth)
        .set('idempotency-key', uuidv7())
        .send({ items: remainingIds.map((applicationId) => ({ applicationId })) }),
      200,
    );
    expect(bulk.body).toMatchObject({
      approved: [],
      remaining: '0',
      stopped: true,
      stoppedAtIndex: 0,
      stoppedAtApplicationId: remainingIds[0],
      stopCode: 'CALL_BUDGET_EXCEEDED',
    });
    const rejected = await expectStatus(
      api()
        .post(`/api/v1/funding/applications/${remainingIds[0]}/decision`)
        .set('authorization', approver.auth)
        .set('idempotency-key', uuidv7())
        .send({ outcome: 'rejected', reason: 'Đợt đã hết ngân sách.' }),
      201,
    );
    expect(rejected.body).toMatchObject({ outcome: 'rejected', reason: 'Đợt đã hết ngân sách.' });
  });
  it('gives exactly 10 approvals and 90 clear 409s to 100 approvals at once against room for 10', async () => {
    const founder = founders[0] as Actor;
    const callId = await openMachineryCall('2000000000');
    const ids: string[] = [];
    for (let batch = 0; batch < 10; batch += 1) {
      ids.push(...(await Promise.all(Array.from({ length: 10 }, () => submitted(founder, callId)))));
    }
    await setApprovalLimit(approver, '200000000');

    const answers = await Promise.all(
      ids.map((id) =>
        api()
          .post(`/api/v1/funding/applications/${id}/decision`)
          .set('authorization', approver.auth)
          .set('idempotency-key', uuidv7())
          .send({ outcome: 'approved' }),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(10);
    expect(statuses.filter((status) => status === 409)).toHaveLength(90);
    expect(new Set(answers.filter((a) => a.status === 409).map((a) => a.body.code))).toEqual(
      new Set(['CALL_BUDGET_EXCEEDED']),
    );
    const trial = await expectStatus(
      api().get('/api/v1/funding/ledger/trial-balance').set('authorization', fundOfficer.auth),
      200,
    );
    expect(trial.body.total).toBe('0');
    expect(trial.body.lines).toEqual(
      expect.arrayContaining([{ accountKind: 'call_available', accountReference: callId, balance: '0' }]),
    );
  });
});
