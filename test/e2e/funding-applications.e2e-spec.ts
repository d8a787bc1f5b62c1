import { jest } from '@jest/globals';
import { TOPICS } from '@khoinghiep/contracts';
import { EventTap } from '@khoinghiep/testing';
import { v7 as uuidv7 } from 'uuid';
import { applyWhenKnown, openCall as openFundingCall } from './funding.support.js';
import { type Actor, api, expectStatus, publishedProject, signUp, staff } from './projects.support.js';

jest.setTimeout(90_000);

// A founder's project published through the projects routes reaches funding through projects.events; the founder
// applies to an open call, edits under If-Match, submits, and reads the eligibility explained rule by rule; fund
// staff list the call's applications; other founders are refused. Events are read back from funding.events.
// The call is set up and opened by a fund officer through the funds and calls routes.
describe('funding applications through the gateway', () => {
  let founder: Actor;
  let otherFounder: Actor;
  let officer: Actor;
  let fundOfficer: Actor;
  let tap: EventTap;

  beforeAll(async () => {
    [founder, otherFounder, officer, fundOfficer] = await Promise.all([
      signUp('founder', 'Hờ Thị Mai'),
      signUp('founder', 'Lê Văn Tâm'),
      staff('programme_officer', 'Trịnh Văn Bình'),
      staff('fund_officer', 'Phạm Thu Hà'),
    ]);
    tap = new EventTap(TOPICS.funding.name);
    await tap.start();
  });

  afterAll(async () => {
    await tap?.stop();
  });

  const openCall = (eligibility: { provinceCodes: string[]; maxBusinessAgeYears: number }) =>
    openFundingCall(fundOfficer, '3000000000', ['kc_machinery', 'kc_trade_fair'], {
      eligibility: { ...eligibility, publishedProjectRequired: true },
      appraisalRubric: {
        criteria: [{ code: 'impact', label: 'Hiệu quả', weight: 100 }],
        scale: { min: 0, max: 10 },
      },
    });

  const body = (callId: string, projectId: string) => ({
    callId,
    projectId,
    applicantKind: 'rural_industry',
    businessRegisteredOn: '2019-05-17',
    priorityGroups: ['ethnic_minority_led'],
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

  it('goes from a published project to a submitted application with its eligibility explained', async () => {
    const project = await publishedProject(founder, officer, { targetGroups: ['women_led'] });
    const callId = await openCall({ provinceCodes: ['66'], maxBusinessAgeYears: 5 });

    const created = await applyWhenKnown(founder, body(callId, project.id));
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    expect(created.headers.location).toBe(`/api/v1/funding/applications/${id}`);
    expect(created.body).toMatchObject({
      status: 'draft',
      version: 1,
      priorityGroups: ['ethnic_minority_led', 'women_led'],
    });

    // Another founder neither sees it nor applies with someone else's project.
    await api().get(`/api/v1/funding/applications/${id}`).set('authorization', otherFounder.auth).expect(404);
    const notYours = await api()
      .post('/api/v1/funding/applications')
      .set('authorization', otherFounder.auth)
      .send(body(callId, project.id));
    expect(notYours.status).toBe(403);
    expect(notYours.body.code).toBe('APPLICATION_PROJECT_NOT_YOURS');

    // Every invalid field is named.
    const invalid = await api()
      .patch(`/api/v1/funding/applications/${id}`)
      .set('authorization', founder.auth)
      .set('if-match', '"1"')
      .send({ coFinancing: { central: 0, provincial: '300000000', own: '150000000' } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((error: { field: string }) => error.field)).toContain(
      'coFinancing.central',
    );

    const edited = await expectStatus(
      api()
        .patch(`/api/v1/funding/applications/${id}`)
        .set('authorization', founder.auth)
        .set('if-match', created.headers.etag as string)
        .send({ businessRegisteredOn: '2023-05-17' }),
      200,
    );
    expect(edited.headers.etag).toBe('"2"');

    const submitted = await expectStatus(
      api()
        .post(`/api/v1/funding/applications/${id}/submit`)
        .set('authorization', founder.auth)
        .set('if-match', '"2"')
        .set('accept-language', 'en')
        .send({}),
      200,
    );
    expect(submitted.body).toMatchObject({ status: 'submitted', eligibility: { eligible: true } });
    expect(
      submitted.body.eligibility.outcomes.map((outcome: { rule: string; passed: boolean }) => [
        outcome.rule,
        outcome.passed,
      ]),
    ).toEqual([
      ['published_project', true],
      ['applicant_kind', true],
      ['province', true],
      ['target_groups', true],
      ['business_age', true],
      ['training_completed', true],
      ['support_ceiling', true],
    ]);

    // Fund staff see it in the call's list.
    const listed = await api()
      .get('/api/v1/funding/applications')
      .query({ callId })
      .set('authorization', fundOfficer.auth)
      .expect(200);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([id]);

    const events = await tap.waitFor(id, 2);
    expect(events.map((event) => event.envelope.type)).toEqual([
      'funding.application.submitted',
      'funding.application.eligibility_checked',
    ]);
    expect(events[1]?.envelope.payload).toMatchObject({ applicationId: id, eligible: true });
  });

  it('refuses an application for a project that was never published, naming why', async () => {
    const callId = await openCall({ provinceCodes: [], maxBusinessAgeYears: 5 });
    const refused = await api()
      .post('/api/v1/funding/applications')
      .set('authorization', founder.auth)
      .set('accept-language', 'vi')
      .send(body(callId, uuidv7()));
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('APPLICATION_PROJECT_UNKNOWN');
    expect(refused.body.detail).toContain('chưa được công bố');
  });
});
