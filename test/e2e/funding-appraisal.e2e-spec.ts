import { jest } from '@jest/globals';
import { APPRAISAL_EVENTS, TOPICS, validatePayload } from '@khoinghiep/contracts';
import { EventTap } from '@khoinghiep/testing';
import { applyWhenKnown, openCall } from './funding.support.js';
import { type Actor, api, expectStatus, publishedProject, signUp, staff } from './projects.support.js';

jest.setTimeout(90_000);

// Through the gateway with every app running: a founder's published project reaches funding, the founder applies to
// a `score` call and submits; fund officers join the appraiser roster; a lead officer assigns two of them (the
// applicant refused as appraiser); one declares no conflict and scores, the other recuses; every forbidden step is
// a clear problem; the approver reads the summary; the officer closes the appraisal; the events are read back from
// funding.events by a real consumer.
describe('appraisal of an application through the gateway', () => {
  let founder: Actor;
  let programmeOfficer: Actor;
  let lead: Actor;
  let binh: Actor;
  let cuc: Actor;
  let approver: Actor;
  let tap: EventTap;

  beforeAll(async () => {
    [founder, programmeOfficer, lead, binh, cuc, approver] = await Promise.all([
      signUp('founder', 'Hờ Thị Mai'),
      staff('programme_officer', 'Trịnh Văn Bình'),
      staff('fund_officer', 'Phạm Thu Hà'),
      staff('fund_officer', 'Nguyễn Văn Bình'),
      staff('fund_officer', 'Lê Thị Cúc'),
      staff('fund_approver', 'Võ Minh Tuấn'),
    ]);
    tap = new EventTap(TOPICS.funding.name);
    await tap.start();
  });

  afterAll(async () => {
    await tap?.stop();
  });

  const openScoreCall = () =>
    openCall(lead, '3000000000', ['kc_machinery'], {
      eligibility: { provinceCodes: ['66'], publishedProjectRequired: true },
      allocationRule: 'score',
      appraisalRubric: {
        criteria: [
          { code: 'innovation', label: 'Tính đổi mới sáng tạo', weight: 60 },
          { code: 'impact', label: 'Hiệu quả kinh tế - xã hội', weight: 40 },
        ],
        scale: { min: 1, max: 5 },
      },
    });

  const submittedApplication = async () => {
    const project = await publishedProject(founder, programmeOfficer);
    const callId = await openScoreCall();
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
          requested: '300000000',
          ownContribution: '150000000',
        },
      ],
      coFinancing: { central: '0', provincial: '300000000', own: '150000000' },
      attachments: [
        {
          name: 'du-toan.pdf',
          mediaType: 'application/pdf',
          sizeBytes: 482113,
          sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
        },
      ],
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

  const appraisal = (id: string) => `/api/v1/funding/applications/${id}/appraisal`;

  it('assigns, declares, scores, summarises and closes, refusing each forbidden step with a clear problem', async () => {
    const id = await submittedApplication();
    for (const officer of [binh, cuc]) {
      await expectStatus(api().post('/api/v1/funding/appraisers/me').set('authorization', officer.auth), 200);
    }

    // The applicant can never be an appraiser; a founder cannot assign at all.
    const applicantNamed = await api()
      .post(`${appraisal(id)}/assignments`)
      .set('authorization', lead.auth)
      .set('accept-language', 'en')
      .send({ appraiserIds: [binh.id, founder.id] });
    expect(applicantNamed.status).toBe(422);
    expect(applicantNamed.body).toMatchObject({
      code: 'APPRAISAL_APPLICANT_AS_APPRAISER',
      errors: [expect.objectContaining({ field: 'appraiserIds[1]' })],
    });
    await api()
      .post(`${appraisal(id)}/assignments`)
      .set('authorization', founder.auth)
      .send({ appraiserIds: [binh.id] })
      .expect(403);
    const malformed = await api()
      .post(`${appraisal(id)}/assignments`)
      .set('authorization', lead.auth)
      .send({ appraiserIds: ['binh'] });
    expect(malformed.status).toBe(400);

    const assigned = await expectStatus(
      api()
        .post(`${appraisal(id)}/assignments`)
        .set('authorization', lead.auth)
        .send({ appraiserIds: [binh.id, cuc.id] }),
      200,
    );
    expect(assigned.body.summary).toMatchObject({ assigned: 2, pending: 2 });

    // Scoring before declaring, after recusing, off the scale, of an unknown criterion, without an assignment.
    const score = (who: Actor, scores: object[]) =>
      api()
        .put(`${appraisal(id)}/scores`)
        .set('authorization', who.auth)
        .set('accept-language', 'en')
        .send({ scores });
    const good = [
      { criterion: 'innovation', score: 4, comment: 'Cải tiến buồng rang tiết kiệm 20 % điện.' },
      { criterion: 'impact', score: 5 },
    ];
    expect((await score(binh, good)).body.code).toBe('APPRAISAL_DECLARATION_REQUIRED');
    await expectStatus(
      api()
        .post(`${appraisal(id)}/declaration`)
        .set('authorization', cuc.auth)
        .send({ declaration: 'recused', reason: 'Em ruột của chủ cơ sở.' }),
      200,
    );
    const recusedScores = await score(cuc, good);
    expect(recusedScores.status).toBe(409);
    expect(recusedScores.body.code).toBe('APPRAISAL_CONFLICT_DECLARED');
    await expectStatus(
      api()
        .post(`${appraisal(id)}/declaration`)
        .set('authorization', binh.auth)
        .send({ declaration: 'no_conflict' }),
      200,
    );
    const offScale = await score(binh, [{ criterion: 'innovation', score: 0 }, good[1] as object]);
    expect(offScale.status).toBe(422);
    expect(offScale.body).toMatchObject({
      code: 'APPRAISAL_SCORE_OUT_OF_SCALE',
      errors: [expect.objectContaining({ field: 'scores[0].score' })],
    });
    const unknown = await score(binh, [...good, { criterion: 'design', score: 3 }]);
    expect(unknown.status).toBe(422);
    expect(unknown.body.code).toBe('APPRAISAL_UNKNOWN_CRITERION');
    const notAssigned = await score(lead, good);
    expect(notAssigned.status).toBe(403);
    expect(notAssigned.body.code).toBe('APPRAISAL_NOT_ASSIGNED');

    // 4×60 + 5×40 = 440 → 4.40
    const scored = await expectStatus(score(binh, good), 200);
    expect(scored.body).toMatchObject({ revision: 1, weightedMean: 4.4 });

    // The founder never reads the appraisal; the approver does.
    await api().get(appraisal(id)).set('authorization', founder.auth).expect(403);
    const seen = await expectStatus(api().get(appraisal(id)).set('authorization', approver.auth), 200);
    expect(seen.body.summary).toEqual({
      assigned: 2,
      scored: 1,
      recused: 1,
      pending: 0,
      mean: 4.4,
      min: 4.4,
      max: 4.4,
      standardDeviation: 0,
    });
    expect(seen.body.appraisers[1]).toMatchObject({
      appraiserId: cuc.id,
      declaration: 'recused',
      recusalReason: 'Em ruột của chủ cơ sở.',
    });

    await expectStatus(
      api()
        .post(`${appraisal(id)}/close`)
        .set('authorization', lead.auth)
        .send({ reason: 'Hội đồng đã chấm.' }),
      200,
    );
    const afterClose = await score(binh, good);
    expect(afterClose.status).toBe(409);
    expect(afterClose.body.code).toBe('APPRAISAL_CLOSED');

    // submitted, eligibility_checked, then the appraisal's six.
    const events = (await tap.waitFor(id, 8)).filter((event) =>
      APPRAISAL_EVENTS.some((contract) => contract.type === event.envelope.type),
    );
    expect(events.map((event) => event.envelope.type)).toEqual([
      'funding.application.appraiser_assigned',
      'funding.application.appraiser_assigned',
      'funding.application.appraiser_declared',
      'funding.application.appraiser_declared',
      'funding.application.appraised',
      'funding.application.appraisal_closed',
    ]);
    for (const { key, envelope } of events) {
      expect(key).toBe(id);
      const contract = APPRAISAL_EVENTS.find((candidate) => candidate.type === envelope.type);
      expect(contract && validatePayload<object>(contract, envelope.payload).ok).toBe(true);
    }
    expect(events[4]?.envelope).toMatchObject({
      actor: { userId: binh.id },
      payload: { appraiserId: binh.id, weightedMean: '4.40', scored: 1, recused: 1, mean: '4.4000' },
    });
  });
});
