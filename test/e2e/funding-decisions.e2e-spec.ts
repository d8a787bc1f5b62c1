import { jest } from '@jest/globals';
import { TOPICS } from '@khoinghiep/contracts';
import { EventTap } from '@khoinghiep/testing';
import type request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import { applyWhenKnown } from './funding.support.js';
import { type Actor, admin, api, expectStatus, publishedProject, signUp, staff } from './projects.support.js';
import { withSecondFactor } from './second-factor.support.js';

jest.setTimeout(180_000);

const DAY = 86_400_000;
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

  const openCall = async (budget: string) => {
    const fund = await expectStatus(
      api()
        .post('/api/v1/funding/funds')
        .set('authorization', fundOfficer.auth)
        .send({
          kind: 'khuyen_cong_local',
          name: 'Khuyến công địa phương Đắk Lắk',
          ownerAgency: 'Sở Công Thương Đắk Lắk',
          provinceCode: '66',
          capital: [{ source: 'provincial_budget', amount: '5000000000' }],
        }),
      201,
    );
    const call = await expectStatus(
      api()
        .post('/api/v1/funding/calls')
        .set('authorization', fundOfficer.auth)
        .send({
          fundId: fund.body.id,
          fiscalYear: 2026,
          title: `Khuyến công 2026 nộp trước ${uuidv7().slice(-8)}`,
          budget,
          supportCategories: ['kc_machinery'],
          eligibility: { publishedProjectRequired: true },
          allocationRule: 'first_come',
          appraisalRubric: {
            criteria: [{ code: 'impact', label: 'Hiệu quả', weight: 100 }],
            scale: { min: 1, max: 5 },
          },
          opensAt: new Date(Date.now() - DAY).toISOString(),
          closesAt: new Date(Date.now() + 30 * DAY).toISOString(),
        }),
      201,
    );
    await expectStatus(
      api()
        .post(`/api/v1/funding/calls/${call.body.id}/open`)
        .set('authorization', fundOfficer.auth)
        .set('if-match', call.headers.etag as string)
        .send({}),
      200,
    );
    return call.body.id as string;
  };

  const submitted = async (founder: Actor, callId: string) => {
    const project = await publishedProject(founder, programmeOfficer);
    const created = await applyWhenKnown(founder, {
      callId,
      projectId: project.id,
      applicantKind: 'rural_industry',
      businessRegisteredOn: '2021-03-02',
      priorityGroups: [],
      budgetLines: [
        {
          category: 'kc_machinery',
          description: 'Máy rang cà phê 15 kg/mẻ',
          cost: '450000000',
          requested: '200000000',
          ownContribution: '150000000',
        },
      ],
      coFinancing: { central: '0', provincial: '200000000', own: '150000000' },
      attachments: [],
    });
    expect(created.status).toBe(201);
    await expectStatus(
      api()
        .post(`/api/v1/funding/applications/${created.body.id}/submit`)
        .set('authorization', founder.auth)
        .set('if-match', created.headers.etag as string)
        .send({}),
      200,
    );
    return created.body.id as string;
  };

  it('ranks, then gives exactly 3 approvals and 5 clear 409s to 8 approvals at once against room for 3', async () => {
    const callId = await openCall('600000000');
    const ids: string[] = [];
    for (const founder of founders) ids.push(await submitted(founder, callId));

    await expectStatus(
      api()
        .post(`/api/v1/funding/approval-limits/${approver.id}`)
        .set('authorization', (await admin()).auth)
        .send({ limit: '250000000', reason: 'Quyết định uỷ quyền 12/QĐ-UBND' }),
      201,
    );

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
    const callId = await openCall('2000000000');
    const ids: string[] = [];
    for (let batch = 0; batch < 10; batch += 1) {
      ids.push(...(await Promise.all(Array.from({ length: 10 }, () => submitted(founder, callId)))));
    }
    await expectStatus(
      api()
        .post(`/api/v1/funding/approval-limits/${approver.id}`)
        .set('authorization', (await admin()).auth)
        .send({ limit: '200000000' }),
      201,
    );

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
