import { jest } from '@jest/globals';
import { expressInterest, investorWithProfile, profileBody } from './matching.support.js';
import { type Actor, admin, api, expectStatus, publishedProject, signUp, staff } from './projects.support.js';

jest.setTimeout(120_000);

// Through the gateway: every forbidden matching action and invalid payload is refused with a problem that says what
// was wrong (vi/en), and nothing is written.
describe('matching refusals through the gateway', () => {
  let founder: Actor;
  let otherFounder: Actor;
  let officer: Actor;
  let investor: Actor;
  let projectId: string;
  let interestId: string;

  beforeAll(async () => {
    [founder, otherFounder, officer, investor] = await Promise.all([
      signUp('founder', 'Lê Văn Hùng'),
      signUp('founder', 'Đỗ Thị Ngọc'),
      staff('programme_officer', 'Trịnh Văn Bình'),
      investorWithProfile('Quỹ đầu tư Sông Hồng'),
    ]);
    projectId = (
      await publishedProject(founder, officer, {
        sector: 'agriculture_food',
        stage: 'early_revenue',
        fundingAsk: '1000000000',
        sharedContactFields: ['email'],
      })
    ).id;
    const expressed = await expressInterest(
      investor,
      projectId,
      'Chúng tôi muốn tìm hiểu thêm về dự án của anh.',
    );
    expect(expressed.status).toBe(201);
    interestId = expressed.body.id;
  });

  const expectProblem = (response: { status: number; body: Record<string, unknown> }, status: number) => {
    expect(response.status).toBe(status);
    expect(response.body).toMatchObject({ status });
    expect(String(response.body.detail ?? response.body.title)).not.toBe('');
  };

  it('refuses a founder expressing interest (only investors do)', async () => {
    const answer = await api()
      .post('/api/v1/matching/interests')
      .set('authorization', otherFounder.auth)
      .send({ projectId, message: 'Tôi cũng muốn đầu tư vào dự án này.' });
    expectProblem(answer, 403);
  });

  it('refuses an investor reading the founder’s contacts before consent: there is no introduction to read', async () => {
    const introductions = await expectStatus(
      api().get('/api/v1/matching/introductions').set('authorization', investor.auth),
      200,
    );
    expect(introductions.body.items).toEqual([]);
    const interest = await expectStatus(
      api().get(`/api/v1/matching/interests/${interestId}`).set('authorization', investor.auth),
      200,
    );
    expect(interest.body).not.toHaveProperty('founderContact');
    expect(JSON.stringify(interest.body)).not.toContain(founder.email);
  });

  it('refuses another founder answering the interest, as if it did not exist', async () => {
    const answer = await api()
      .post(`/api/v1/matching/interests/${interestId}/accept`)
      .set('authorization', otherFounder.auth)
      .send({});
    expectProblem(answer, 404);
    const still = await expectStatus(
      api().get(`/api/v1/matching/interests/${interestId}`).set('authorization', founder.auth),
      200,
    );
    expect(still.body.status).toBe('open');
  });

  it('refuses the investor answering their own interest', async () => {
    const answer = await api()
      .post(`/api/v1/matching/interests/${interestId}/accept`)
      .set('authorization', investor.auth)
      .send({});
    expectProblem(answer, 403);
  });

  it('refuses a second open interest in the same project', async () => {
    const answer = await api()
      .post('/api/v1/matching/interests')
      .set('authorization', investor.auth)
      .send({ projectId, message: 'Nhắc lại: chúng tôi rất quan tâm đến dự án.' });
    expectProblem(answer, 409);
    expect(answer.body.code).toBe('INTEREST_ALREADY_OPEN');
  });

  it('refuses a profile from someone who is not an investor', async () => {
    expectProblem(
      await api()
        .put('/api/v1/matching/investors/me/profile')
        .set('authorization', founder.auth)
        .send(profileBody()),
      403,
    );
    expectProblem(await api().get('/api/v1/matching/matches').set('authorization', founder.auth), 403);
  });

  it.each([
    ['ticketMax', { ticketMin: '2000000000', ticketMax: '1000000000' }],
    ['kind', { kind: 'pirate' }],
    ['provinceCodes', { provinceCodes: ['99'] }],
    ['contact.email', { contact: { email: 'không-phải-email' }, sharedContactFields: ['email'] }],
    ['sharedContactFields', { contact: { email: 'a@b.vn' }, sharedContactFields: ['phone'] }],
  ])('refuses a profile with a bad %s, naming it, and writes nothing', async (field, overrides) => {
    const newcomer = await signUp('investor', 'Nhà đầu tư mới');
    const answer = await api()
      .put('/api/v1/matching/investors/me/profile')
      .set('authorization', newcomer.auth)
      .send(profileBody(overrides));
    expectProblem(answer, 400);
    expect(JSON.stringify(answer.body.errors)).toContain(field);
    await expectStatus(
      api().get('/api/v1/matching/investors/me/profile').set('authorization', newcomer.auth),
      404,
    );
  });

  it('refuses an interest with a message too short or a project id that is not a uuid, naming the field', async () => {
    const short = await api()
      .post('/api/v1/matching/interests')
      .set('authorization', investor.auth)
      .send({ projectId, message: 'hi' });
    expectProblem(short, 400);
    expect(JSON.stringify(short.body.errors)).toContain('message');
    const badId = await api()
      .post('/api/v1/matching/interests')
      .set('authorization', investor.auth)
      .send({ projectId: 'abc', message: 'Chúng tôi muốn tìm hiểu thêm.' });
    expectProblem(badId, 400);
    expect(JSON.stringify(badId.body.errors)).toContain('projectId');
  });

  it('refuses a pipeline commitment without an amount, naming it', async () => {
    const accepted = await expectStatus(
      api()
        .post(`/api/v1/matching/interests/${interestId}/accept`)
        .set('authorization', founder.auth)
        .send({}),
      200,
    );
    const answer = await api()
      .put(`/api/v1/matching/introductions/${accepted.body.introductionId}/pipeline`)
      .set('authorization', investor.auth)
      .send({ status: 'committed' });
    expectProblem(answer, 400);
    expect(JSON.stringify(answer.body.errors)).toContain('amount');
    expectProblem(
      await api()
        .put(`/api/v1/matching/introductions/${accepted.body.introductionId}/pipeline`)
        .set('authorization', founder.auth)
        .send({ status: 'considering' }),
      403,
    );
  });

  it('refuses match weights from anyone but an admin, and weights that do not sum to 100 from an admin', async () => {
    const points = {
      sector: 30,
      stage: 15,
      province_region: 15,
      target_groups: 10,
      ocop_certification: 10,
      thesis_text: 15,
      training: 10,
    };
    const body = {
      // Two days on: a Vietnamese calendar day in the future whatever the hour.
      effectiveFrom: new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10),
      reason: 'Thử trọng số',
      points,
    };
    expectProblem(
      await api().post('/api/v1/matching/weights').set('authorization', officer.auth).send(body),
      403,
    );
    const answer = await api()
      .post('/api/v1/matching/weights')
      .set('authorization', (await admin()).auth)
      .send(body);
    expectProblem(answer, 400);
    expect(JSON.stringify(answer.body.errors)).toContain('points');
  });
});
