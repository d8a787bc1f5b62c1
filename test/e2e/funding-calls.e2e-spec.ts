import { jest } from '@jest/globals';
import { TOPICS } from '@khoinghiep/contracts';
import { EventTap } from '@khoinghiep/testing';
import { v7 as uuidv7 } from 'uuid';
import { type Actor, api, signUp, staff } from './projects.support.js';

jest.setTimeout(90_000);

const DAY = 86_400_000;

// Through the gateway with every app running: a fund officer sets up a fund and a call and opens it; a founder, and
// anyone without an account, finds it among the open calls; the wrong role and a malformed payload are refused
// with clear problems; the call's events reach funding.events.
describe('funds and funding calls through the gateway', () => {
  let tap: EventTap;
  let officer: Actor;
  let founder: Actor;

  beforeAll(async () => {
    tap = new EventTap(TOPICS.funding.name);
    [officer, founder] = await Promise.all([
      staff('fund_officer', 'Lê Thị Hoa'),
      signUp('founder'),
      tap.start(),
    ]);
  });

  afterAll(async () => {
    await tap.stop();
  });

  it('officer creates a fund and a call and opens it; a founder and the public list it; its events are on funding.events', async () => {
    const fund = await api()
      .post('/api/v1/funding/funds')
      .set('authorization', officer.auth)
      .send({
        kind: 'provincial_venture_fund',
        name: 'Quỹ đầu tư khởi nghiệp sáng tạo tỉnh Đắk Lắk',
        ownerAgency: 'UBND tỉnh Đắk Lắk',
        provinceCode: '66',
        capital: [
          { source: 'provincial_budget', amount: '49000000000' },
          { source: 'private', amount: '51000000000' },
        ],
      })
      .expect(201);
    expect(fund.body).toMatchObject({
      totalCapital: '100000000000',
      provincialBudgetCapBasisPoints: 4900,
    });

    const marker = `E2E ${Date.now().toString(36)}`;
    const created = await api()
      .post('/api/v1/funding/calls')
      .set('authorization', officer.auth)
      .send({
        fundId: fund.body.id,
        fiscalYear: 2027,
        title: `Đợt hỗ trợ khởi nghiệp sáng tạo ${marker}`,
        budget: '5000000000',
        supportCategories: ['startup_seed_grant', 'startup_incubation'],
        eligibility: {
          applicantKinds: ['innovative_startup'],
          provinceCodes: ['66'],
          maxBusinessAgeYears: 5,
        },
        allocationRule: 'first_come',
        appraisalRubric: {
          criteria: [
            { code: 'innovation', label: 'Tính đổi mới sáng tạo', weight: 60 },
            { code: 'team', label: 'Năng lực đội ngũ', weight: 40 },
          ],
          scale: { min: 0, max: 10 },
        },
        opensAt: new Date(Date.now() - DAY).toISOString(),
        closesAt: new Date(Date.now() + 20 * DAY).toISOString(),
      })
      .expect(201);
    const callId: string = created.body.id;
    expect(created.body).toMatchObject({
      status: 'draft',
      version: 1,
      committed: '0',
      available: '5000000000',
    });
    expect(created.headers.location).toBe(`/api/v1/funding/calls/${callId}`);

    // A draft is not public.
    await api().get(`/api/v1/funding/calls/${callId}`).expect(404);

    const opened = await api()
      .post(`/api/v1/funding/calls/${callId}/open`)
      .set('authorization', officer.auth)
      .set('if-match', created.headers.etag as string)
      .send({})
      .expect(200);
    expect(opened.body).toMatchObject({ status: 'open', version: 2 });
    expect(opened.headers.etag).toBe('"2"');

    const raised = await api()
      .post(`/api/v1/funding/calls/${callId}/budget`)
      .set('authorization', officer.auth)
      .set('idempotency-key', uuidv7())
      .send({ budget: '6000000000', reason: 'Bổ sung kinh phí từ nguồn xã hội hoá.', version: 2 })
      .expect(200);
    expect(raised.body).toMatchObject({ budget: '6000000000', version: 3 });

    const asFounder = await api()
      .get('/api/v1/funding/calls')
      .query({ fundId: fund.body.id })
      .set('authorization', founder.auth)
      .expect(200);
    expect(asFounder.body.items.map((call: { id: string }) => call.id)).toEqual([callId]);
    const anonymous = await api().get('/api/v1/funding/calls').query({ limit: 100 }).expect(200);
    expect(anonymous.body.items.map((call: { id: string }) => call.id)).toContain(callId);
    const read = await api().get(`/api/v1/funding/calls/${callId}`).expect(200);
    expect(read.body).toMatchObject({
      title: `Đợt hỗ trợ khởi nghiệp sáng tạo ${marker}`,
      budget: '6000000000',
    });

    const events = await tap.waitFor(callId, 2);
    expect(events.map((event) => [event.envelope.type, event.key])).toEqual([
      ['funding.call.opened', callId],
      ['funding.call.budget_changed', callId],
    ]);
    expect(events[1]?.envelope.payload).toMatchObject({ oldBudget: '5000000000', newBudget: '6000000000' });
  });

  it('refuses a founder who tries to create a fund or a call (403), and an anonymous caller (401)', async () => {
    const forbidden = await api()
      .post('/api/v1/funding/funds')
      .set('authorization', founder.auth)
      .send({ kind: 'startup_fund', name: 'Quỹ của tôi', ownerAgency: 'Tôi', capital: [] })
      .expect(403);
    expect(forbidden.headers['content-type']).toContain('application/problem+json');
    await api().post('/api/v1/funding/calls').set('authorization', founder.auth).send({}).expect(403);
    await api().post('/api/v1/funding/funds').send({}).expect(401);
  });

  it('answers an invalid payload with a 400 naming the field, in Vietnamese or English', async () => {
    const response = await api()
      .post('/api/v1/funding/calls')
      .set('authorization', officer.auth)
      .set('accept-language', 'en')
      .send({
        fundId: 'not-a-fund',
        fiscalYear: 2027,
        title: 'Đợt lỗi',
        budget: '1.5',
        supportCategories: ['kc_training'],
        eligibility: {},
        allocationRule: 'first_come',
        appraisalRubric: {
          criteria: [{ code: 'a', label: 'Tiêu chí A', weight: 100 }],
          scale: { min: 0, max: 10 },
        },
        opensAt: '2027-03-01T00:00:00.000Z',
        closesAt: '2027-05-01T00:00:00.000Z',
      })
      .expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'budget',
      'fundId',
    ]);
  });
});
