import { jest } from '@jest/globals';
import { eventually } from '@khoinghiep/testing';
import { v7 as uuidv7 } from 'uuid';
import {
  allMatches,
  expressInterest,
  investorWithProfile,
  matchOf,
  notificationsOf,
} from './matching.support.js';
import { type Actor, act, api, expectStatus, publishedProject, signUp, staff } from './projects.support.js';

jest.setTimeout(180_000);

// Through the gateway with every app running: an investor's profile and saved search; a project published by an
// officer appears in the investor's ranked matches, explained criterion by criterion, and the saved search notifies;
// interest → the founder accepts → both sides read each other's shared contacts (and not before); a commitment
// opens a co-investment lead in funding capped at 30 %; a second investor's interest is declined; the project
// unpublished is gone from the matches.
describe('investor matching through the gateway', () => {
  let founder: Actor;
  let officer: Actor;
  let fundOfficer: Actor;
  let investor: Actor;
  let secondInvestor: Actor;
  let project: { id: string; title: string };

  beforeAll(async () => {
    [founder, officer, fundOfficer, investor, secondInvestor] = await Promise.all([
      signUp('founder', 'Nguyễn Thị Lan'),
      staff('programme_officer', 'Trịnh Văn Bình'),
      staff('fund_officer', 'Phạm Thu Hà'),
      investorWithProfile('Quỹ thiên thần Cao nguyên'),
      investorWithProfile('Công ty CP Đầu tư Xanh Việt', {
        kind: 'enterprise',
        sectors: [],
        stages: [],
        provinceCodes: [],
        targetGroups: [],
        ticketMin: '100000000',
        ticketMax: '9000000000',
        coinvestWithState: false,
        contact: { email: 'invest@xanhviet.example.vn' },
        sharedContactFields: ['email'],
      }),
    ]);
    await expectStatus(
      api()
        .post('/api/v1/matching/saved-searches')
        .set('authorization', investor.auth)
        .send({
          name: 'Cà phê Tây Nguyên',
          filters: { sectors: ['agriculture_food'], q: 'cà phê' },
          minScore: 40,
        }),
      201,
    );
    const published = await publishedProject(founder, officer, {
      title: `Cà phê đặc sản Buôn Ma Thuột ${uuidv7().slice(-6)}`,
      summary: 'Rang xay cà phê Robusta đặc sản chế biến ướt, truy xuất nguồn gốc, xuất khẩu sang Hàn Quốc.',
      sector: 'agriculture_food',
      stage: 'early_revenue',
      provinceCode: '66',
      fundingAsk: '1500000000',
      targetGroups: ['women_led'],
      sharedContactFields: ['email', 'phone'],
    });
    project = { id: published.id, title: published.title as string };
  });

  it('shows the published project in the investor’s ranked matches within seconds, explained criterion by criterion', async () => {
    const match = await matchOf(investor, project.id);
    expect(match.project.title).toBe(project.title);
    const byCriterion = new Map(match.criteria.map((criterion) => [criterion.criterion, criterion]));
    expect(byCriterion.get('sector')).toMatchObject({ points: byCriterion.get('sector')?.weight });
    expect(byCriterion.get('sector')?.explanation.vi).toMatch(/Nông nghiệp/);
    expect(byCriterion.get('thesis_text')?.explanation.vi).toMatch(/cà, phê/);
    expect(match.score).toBeCloseTo(
      match.criteria.reduce((sum, criterion) => sum + criterion.points, 0),
      2,
    );
    const explained = await expectStatus(
      api().get(`/api/v1/matching/matches/${project.id}`).set('authorization', investor.auth),
      200,
    );
    expect(explained.body.score).toBe(match.score);
  });

  it('notifies the investor whose saved search the new project passes', async () => {
    const notification = await eventually(
      'a saved-search notification',
      async () =>
        (await notificationsOf(investor)).find(
          (item) => item.kind === 'saved_search_match' && item.link.includes(project.id),
        ),
      20_000,
      200,
    );
    expect(notification.title.vi).toBeTruthy();
  });

  it('lists the fitting investors for the founder, as public cards without contacts', async () => {
    const fitting = await eventually(
      'the investor among the project’s fitting investors',
      async () => {
        const answer = await expectStatus(
          api().get(`/api/v1/matching/projects/${project.id}/investors`).set('authorization', founder.auth),
          200,
        );
        return answer.body.items.find(
          (item: { investor: { investorId: string } }) => item.investor.investorId === investor.id,
        );
      },
      20_000,
      200,
    );
    expect(JSON.stringify(fitting)).not.toContain('dautu@caonguyen.example.vn');
    expect(fitting.criteria.length).toBeGreaterThan(0);
  });

  it('takes an interest through consent to an introduction, contacts only after acceptance, then a commitment to a co-investment lead', async () => {
    const expressed = await expressInterest(
      investor,
      project.id,
      'Quỹ chúng tôi quan tâm đến chuỗi cà phê đặc sản của chị, mong được trao đổi.',
    );
    expect(expressed.status).toBe(201);
    const interestId = expressed.body.id;

    const received = await expectStatus(
      api().get('/api/v1/matching/interests').set('authorization', founder.auth),
      200,
    );
    expect(received.body.items.map((item: { id: string }) => item.id)).toContain(interestId);
    // Before consent the investor has no introduction and nothing carries the founder's contacts.
    const before = await expectStatus(
      api().get('/api/v1/matching/introductions').set('authorization', investor.auth),
      200,
    );
    expect(before.body.items.filter((item: { projectId: string }) => item.projectId === project.id)).toEqual(
      [],
    );
    const interestView = await expectStatus(
      api().get(`/api/v1/matching/interests/${interestId}`).set('authorization', investor.auth),
      200,
    );
    expect(JSON.stringify(interestView.body)).not.toContain('0987 654 321');
    await eventually(
      'the founder is told of the interest',
      async () => (await notificationsOf(founder)).some((item) => item.kind === 'interest_expressed'),
      20_000,
      200,
    );

    const accepted = await expectStatus(
      api()
        .post(`/api/v1/matching/interests/${interestId}/accept`)
        .set('authorization', founder.auth)
        .send({ contact: { phone: '0987 654 321' } }),
      200,
    );
    const introductionId = accepted.body.introductionId;
    for (const side of [investor, founder]) {
      const introduction = await expectStatus(
        api().get(`/api/v1/matching/introductions/${introductionId}`).set('authorization', side.auth),
        200,
      );
      expect(introduction.body.founderContact).toMatchObject({ email: founder.email, phone: '0987 654 321' });
      expect(introduction.body.investorContact).toMatchObject({
        email: 'dautu@caonguyen.example.vn',
        phone: '0912 345 678',
      });
    }
    await eventually(
      'the investor is told of the acceptance',
      async () => (await notificationsOf(investor)).some((item) => item.kind === 'interest_accepted'),
      20_000,
      200,
    );

    await expectStatus(
      api()
        .put(`/api/v1/matching/introductions/${introductionId}/pipeline`)
        .set('authorization', investor.auth)
        .send({ status: 'committed', amount: '3000000000', note: 'Cam kết vòng hạt giống.' }),
      200,
    );
    const lead = await eventually(
      'a co-investment lead in funding',
      async () => {
        const answer = await expectStatus(
          api()
            .get('/api/v1/funding/coinvestment-leads')
            .query({ limit: 100 })
            .set('authorization', fundOfficer.auth),
          200,
        );
        return answer.body.items.find((item: { projectId: string }) => item.projectId === project.id);
      },
      20_000,
      200,
    );
    expect(lead).toMatchObject({ status: 'open', privateTotal: '3000000000', cap: '900000000' });
    expect(lead.ruleVersionId).toEqual(expect.any(String));
  });

  it('lets the founder decline another investor’s interest, with no introduction made', async () => {
    const expressed = await expressInterest(
      secondInvestor,
      project.id,
      'Xanh Việt mong được tìm hiểu kế hoạch mở rộng xưởng rang của dự án.',
    );
    expect(expressed.status).toBe(201);
    const declined = await expectStatus(
      api()
        .post(`/api/v1/matching/interests/${expressed.body.id}/decline`)
        .set('authorization', founder.auth)
        .send({ reason: 'Dự án đã đủ nhà đầu tư cho vòng này.' }),
      200,
    );
    expect(declined.body).toMatchObject({ status: 'declined', introductionId: null });
    const introductions = await expectStatus(
      api().get('/api/v1/matching/introductions').set('authorization', secondInvestor.auth),
      200,
    );
    expect(introductions.body.items).toEqual([]);
    await eventually(
      'the investor is told of the decision',
      async () => (await notificationsOf(secondInvestor)).some((item) => item.kind === 'interest_declined'),
      20_000,
      200,
    );
  });

  it('takes an unpublished project out of the investor’s matches', async () => {
    await expectStatus(
      act(officer, project.id, 'unpublish', { reason: 'Hồ sơ cần xác minh lại giấy phép.' }),
      200,
    );
    await eventually(
      'the project gone from the matches',
      async () => !(await allMatches(investor)).some((item) => item.project.id === project.id),
      20_000,
      200,
    );
    await expectStatus(
      api().get(`/api/v1/matching/matches/${project.id}`).set('authorization', investor.auth),
      404,
    );
  });
});
