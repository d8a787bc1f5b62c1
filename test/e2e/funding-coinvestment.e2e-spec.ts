import { jest } from '@jest/globals';
import { eventually } from '@khoinghiep/testing';
import { v7 as uuidv7 } from 'uuid';
import { setApprovalLimit } from './funding.support.js';
import { type Actor, api, expectStatus, publishedProject, signUp, staff } from './projects.support.js';
import { withSecondFactor } from './second-factor.support.js';

jest.setTimeout(180_000);

const DAY = 86_400_000;

// Through the gateway with every app running: a founder's project is published and reaches funding; a fund officer
// of a provincial venture fund opens a co-investment beside a private fund (submitted at once); the founder reads
// it; an approval over 30 % of the private total is refused with the cap named, one within it is approved.
describe('co-investment proposals through the gateway', () => {
  let founder: Actor;
  let programmeOfficer: Actor;
  let fundOfficer: Actor;
  let approver: Actor;

  beforeAll(async () => {
    [programmeOfficer, fundOfficer, approver, founder] = await Promise.all([
      staff('programme_officer', 'Trịnh Văn Bình'),
      staff('fund_officer', 'Phạm Thu Hà'),
      staff('fund_approver', 'Võ Minh Tuấn').then(withSecondFactor),
      signUp('founder', 'Lê Thị Mai'),
    ]);
  });

  const ventureCall = async (): Promise<string> => {
    const fund = await expectStatus(
      api()
        .post('/api/v1/funding/funds')
        .set('authorization', fundOfficer.auth)
        .send({
          kind: 'provincial_venture_fund',
          name: 'Quỹ đầu tư mạo hiểm Đắk Lắk',
          ownerAgency: 'UBND tỉnh Đắk Lắk',
          provinceCode: '66',
          capital: [
            { source: 'provincial_budget', amount: '4000000000' },
            { source: 'private', amount: '6000000000' },
          ],
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
          title: `Đồng đầu tư 2026 ${uuidv7().slice(-8)}`,
          budget: '5000000000',
          supportCategories: ['state_coinvestment'],
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

  it('opens a proposal the founder reads, refuses an approval over the cap and approves one within it', async () => {
    const callId = await ventureCall();
    const project = await publishedProject(founder, programmeOfficer);
    const opened = await eventually(
      'funding to learn the project from projects.events',
      async () => {
        const response = await api()
          .post('/api/v1/funding/coinvestments')
          .set('authorization', fundOfficer.auth)
          .send({
            callId,
            projectId: project.id,
            applicantKind: 'innovative_startup',
            amount: '700000000',
            privateInvestors: [
              {
                name: 'Quỹ Đầu tư Mạo hiểm Sông Hồng',
                kind: 'private_venture_fund',
                amount: '2000000000',
                choseOn: '2026-10-01',
              },
            ],
          });
        return response.body?.code !== 'APPLICATION_PROJECT_UNKNOWN' && response;
      },
      30_000,
      100,
    );
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ kind: 'coinvestment', status: 'submitted', applicantId: founder.id });

    const read = await expectStatus(
      api().get(`/api/v1/funding/applications/${opened.body.id}`).set('authorization', founder.auth),
      200,
    );
    expect(read.body.kind).toBe('coinvestment');

    await setApprovalLimit(approver, '5000000000');
    const decide = (body: object) =>
      api()
        .post(`/api/v1/funding/applications/${opened.body.id}/decision`)
        .set('authorization', approver.auth)
        .set('idempotency-key', uuidv7())
        .set('accept-language', 'en')
        .send(body);
    const over = await decide({ outcome: 'approved' });
    expect(over.status).toBe(422);
    expect(over.body).toMatchObject({
      code: 'DECISION_COINVESTMENT_OVER_CAP',
      cap: '600000000',
      privateTotal: '2000000000',
    });
    expect(over.body.detail).toContain('600000000');
    const within = await decide({ outcome: 'approved', amount: '600000000' });
    expect(within.status).toBe(201);
  });
});
