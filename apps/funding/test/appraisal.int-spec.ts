import 'reflect-metadata';
import { jest } from '@jest/globals';
import { APPRAISAL_EVENTS, Role, TOPICS, validatePayload } from '@khoinghiep/contracts';
import { pendingSchemaChanges } from '@khoinghiep/persistence';
import { EventTap, freshDatabase, userFactory } from '@khoinghiep/testing';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { AppraisalSummaries } from '../src/appraisal/appraisal-summaries.js';
import { startFundingApp } from './support/funding-app.js';

// Appraisal in the funding app in-process against real PostgreSQL (its own database, migrated from scratch) and the
// real Kafka broker: the schema matches the entities; the database itself refuses what the service refuses (the
// applicant as appraiser, scores without a declaration of no conflict, off the scale or of an unknown criterion,
// after closing or after a decision); the appraisal through its routes, each refusal a problem a user can read, and
// its events read back from funding.events by a real consumer; the summaries decisions rank by.

jest.setTimeout(60_000);

const RUBRIC = {
  criteria: [
    { code: 'innovation', label: 'Tính đổi mới sáng tạo', weight: 40 },
    { code: 'feasibility', label: 'Tính khả thi', weight: 35 },
    { code: 'impact', label: 'Tác động xã hội', weight: 25 },
  ],
  scale: { min: 0, max: 10 },
};

describe('appraisal against PostgreSQL and Kafka', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let tap: EventTap;
  let as: ReturnType<typeof userFactory>;
  let http: () => ReturnType<typeof request>;

  beforeAll(async () => {
    const url = await freshDatabase('funding_appraisal_int');
    app = await startFundingApp(url);
    dataSource = app.get(DataSource);
    as = userFactory(app);
    http = () => request(app.getHttpServer());
    tap = new EventTap(TOPICS.funding.name);
    await tap.start();
  }, 90_000);

  afterAll(async () => {
    await tap?.stop();
    await app?.close();
  });

  /** A submitted application of an open `score` call, stored as the calls and applications features store them. */
  const submittedApplication = async (applicantId = uuidv7()) => {
    const fundId = uuidv7();
    const callId = uuidv7();
    const projectId = uuidv7();
    const applicationId = uuidv7();
    const now = new Date();
    await dataSource.query(
      `INSERT INTO funds (id, kind, name, owner_agency, province_code, capital_central_budget,
         capital_provincial_budget, capital_private, capital_association, version, created_by, created_at, updated_at)
       VALUES ($1, 'khuyen_cong_local', 'Khuyến công Đắk Lắk', 'Sở Công Thương', '66', 0, 5000000000, 0, 0, 1, $2, $3, $3)`,
      [fundId, uuidv7(), now],
    );
    await dataSource.query(
      `INSERT INTO funding_calls (id, fund_id, fiscal_year, title, description, status, version, budget, committed,
         support_categories, eligible_applicant_kinds, eligible_province_codes, eligible_target_groups,
         published_project_required, allocation_rule, appraisal_rubric, opens_at, closes_at, created_by,
         created_at, updated_at)
       VALUES ($1, $2, 2026, 'Đợt 1/2026', 'Hỗ trợ máy móc', 'open', 2, 3000000000, 0, '{kc_machinery}', '{}', '{}',
         '{}', true, 'score', $3, $4, $5, $6, $4, $4)`,
      [callId, fundId, JSON.stringify(RUBRIC), now, new Date(now.getTime() + 30 * 86_400_000), uuidv7()],
    );
    await dataSource.query(
      `INSERT INTO project_directory (project_id, owner_id, published, title, kind, sector, province_code,
         target_groups, last_version, last_event_type, updated_at)
       VALUES ($1, $2, true, 'Cà phê đặc sản', 'rural_industry', 'agriculture_food', '66', '{}', 3,
         'projects.project.approved', $3)`,
      [projectId, applicantId, now],
    );
    await dataSource.query(
      `INSERT INTO applications (id, call_id, project_id, applicant_id, kind, status, version, applicant_kind,
         declared_priority_groups, co_financing_central, co_financing_provincial, co_financing_own, eligible,
         eligibility_checked_at, created_at, updated_at, submitted_at)
       VALUES ($1, $2, $3, $4, 'grant', 'submitted', 2, 'rural_industry', '{}', 0, 300000000, 150000000, true,
         $5, $5, $5, $5)`,
      [applicationId, callId, projectId, applicantId, now],
    );
    return { applicationId, callId, applicantId };
  };

  const openAppraisal = async (applicationId: string, callId: string) => {
    await dataSource.query(
      `INSERT INTO appraisals (application_id, call_id, rubric, status, version, opened_by, opened_at)
       VALUES ($1, $2, $3, 'open', 1, $4, now())`,
      [applicationId, callId, JSON.stringify(RUBRIC), uuidv7()],
    );
  };

  const assign = async (applicationId: string, appraiserId = uuidv7(), declaration = 'no_conflict') => {
    const id = uuidv7();
    await dataSource.query(
      `INSERT INTO appraisal_assignments (id, application_id, appraiser_id, appraiser_name, assigned_by, assigned_at,
         declaration, declared_at, recusal_reason, revision)
       VALUES ($1, $2, $3, 'Thẩm định viên', $4, now(), $5, $6, $7, 0)`,
      [
        id,
        applicationId,
        appraiserId,
        uuidv7(),
        declaration,
        declaration === 'pending' ? null : new Date(),
        declaration === 'recused' ? 'Người thân của chủ dự án' : null,
      ],
    );
    return id;
  };

  const score = (assignmentId: string, criterionCode: string, value: number) =>
    dataSource.query(
      'INSERT INTO appraisal_scores (assignment_id, criterion_code, score, comment) VALUES ($1, $2, $3, NULL)',
      [assignmentId, criterionCode, value],
    );

  const scoreAll = async (assignmentId: string, weightedMean: string, values = [8, 7, 9]) => {
    for (const [index, criterion] of RUBRIC.criteria.entries()) {
      await score(assignmentId, criterion.code, values[index] as number);
    }
    await dataSource.query(
      'UPDATE appraisal_assignments SET revision = 1, weighted_mean = $2, scored_at = now() WHERE id = $1',
      [assignmentId, weightedMean],
    );
  };

  describe('schema', () => {
    it('leaves nothing for the entities to add after the migrations (no missing migration)', async () => {
      expect(await pendingSchemaChanges(dataSource)).toEqual([]);
    });
  });

  describe('the database itself', () => {
    it('refuses the applicant as an appraiser of their own application', async () => {
      const { applicationId, callId, applicantId } = await submittedApplication();
      await openAppraisal(applicationId, callId);
      await expect(assign(applicationId, applicantId)).rejects.toThrow(/cannot appraise/);
    });

    it('accepts scores only after a declaration of no conflict, on the scale, for a criterion of the rubric', async () => {
      const { applicationId, callId } = await submittedApplication();
      await openAppraisal(applicationId, callId);
      const pending = await assign(applicationId, uuidv7(), 'pending');
      const recused = await assign(applicationId, uuidv7(), 'recused');
      const clear = await assign(applicationId);
      await expect(score(pending, 'innovation', 5)).rejects.toThrow(/has not declared no conflict/);
      await expect(score(recused, 'innovation', 5)).rejects.toThrow(/has not declared no conflict/);
      await expect(score(clear, 'innovation', 11)).rejects.toThrow(/outside the scale/);
      await expect(score(clear, 'design', 5)).rejects.toThrow(/not in the rubric/);
      await score(clear, 'innovation', 10);
      await expect(
        dataSource.query(
          `UPDATE appraisal_assignments SET declaration = 'recused', recusal_reason = 'x' WHERE id = $1`,
          [clear],
        ),
      ).rejects.toThrow(/already declared/);
    });

    it('freezes scores once the appraisal is closed or a decision is taken, and keeps the history', async () => {
      const closed = await submittedApplication();
      await openAppraisal(closed.applicationId, closed.callId);
      const first = await assign(closed.applicationId);
      await dataSource.query(
        `UPDATE appraisals SET status = 'closed', closed_at = now(), closed_by = $2 WHERE application_id = $1`,
        [closed.applicationId, uuidv7()],
      );
      await expect(score(first, 'innovation', 5)).rejects.toThrow(/scores are final/);

      const decided = await submittedApplication();
      await openAppraisal(decided.applicationId, decided.callId);
      const second = await assign(decided.applicationId);
      await dataSource.query(`UPDATE applications SET status = 'rejected' WHERE id = $1`, [
        decided.applicationId,
      ]);
      await expect(score(second, 'innovation', 5)).rejects.toThrow(/scores are final/);

      await dataSource.query(
        `INSERT INTO appraisal_history (id, application_id, action, actor_id, actor_roles, occurred_at)
         VALUES ($1, $2, 'close', $3, '{fund_officer}', now())`,
        [uuidv7(), closed.applicationId, uuidv7()],
      );
      await expect(
        dataSource.query('DELETE FROM appraisal_history WHERE application_id = $1', [closed.applicationId]),
      ).rejects.toThrow(/append-only/);
    });
  });

  describe('AppraisalSummaries.weightedMeans', () => {
    it('answers the mean of the scored appraisers per application, null where nobody has scored', async () => {
      const both = await submittedApplication();
      await openAppraisal(both.applicationId, both.callId);
      await scoreAll(await assign(both.applicationId), '7.90', [8, 7, 9]);
      await scoreAll(await assign(both.applicationId), '6.10', [6, 6, 6]);
      await assign(both.applicationId, uuidv7(), 'recused');
      await assign(both.applicationId, uuidv7(), 'pending');

      const unscored = await submittedApplication();
      await openAppraisal(unscored.applicationId, unscored.callId);
      await assign(unscored.applicationId);
      const never = await submittedApplication();

      const means = await app
        .get(AppraisalSummaries)
        .weightedMeans([both.applicationId, unscored.applicationId, never.applicationId]);
      expect(means).toEqual(
        new Map([
          [both.applicationId, 7],
          [unscored.applicationId, null],
          [never.applicationId, null],
        ]),
      );
    });
  });

  describe('through its routes', () => {
    type Someone = ReturnType<ReturnType<typeof userFactory>>;
    const base = (applicationId: string) => `/api/v1/funding/applications/${applicationId}/appraisal`;
    const join = (who: Someone) =>
      http().post('/api/v1/funding/appraisers/me').set('authorization', who.auth);
    const officer = async (name: string) => {
      const who = as(Role.FundOfficer, name);
      await join(who).expect(200);
      return who;
    };
    const assignTo = (applicationId: string, by: Someone, appraiserIds: string[]) =>
      http()
        .post(`${base(applicationId)}/assignments`)
        .set('authorization', by.auth)
        .send({ appraiserIds });
    const declare = (applicationId: string, by: Someone, body: object) =>
      http()
        .post(`${base(applicationId)}/declaration`)
        .set('authorization', by.auth)
        .send(body);
    const scoreAs = (applicationId: string, by: Someone, scores: object[]) =>
      http()
        .put(`${base(applicationId)}/scores`)
        .set('authorization', by.auth)
        .send({ scores });
    const read = (applicationId: string, by: Someone) =>
      http().get(base(applicationId)).set('authorization', by.auth);
    const fullScores = (innovation: number, feasibility: number, impact: number) => [
      { criterion: 'innovation', score: innovation, comment: 'Quy trình rang có kiểm soát nhiệt độ.' },
      { criterion: 'feasibility', score: feasibility },
      { criterion: 'impact', score: impact, comment: 'Tạo việc làm cho 12 lao động nữ.' },
    ];

    it('runs an appraisal: assign, declare, score, revise, summary for the approver, close, events', async () => {
      const founder = as(Role.Founder, 'lan');
      const { applicationId, callId } = await submittedApplication(founder.user.id);
      const lead = await officer('hoa');
      const [binh, cuc, dung] = [await officer('binh'), await officer('cuc'), await officer('dung')];

      const assigned = await assignTo(applicationId, lead, [binh.user.id, cuc.user.id, dung.user.id]).expect(
        200,
      );
      expect(assigned.body).toMatchObject({
        applicationId,
        callId,
        status: 'open',
        rubric: RUBRIC,
        summary: { assigned: 3, scored: 0, recused: 0, pending: 3, mean: null },
      });
      expect(assigned.body.appraisers.map((a: { appraiserName: string }) => a.appraiserName)).toEqual([
        'binh',
        'cuc',
        'dung',
      ]);

      await declare(applicationId, binh, { declaration: 'no_conflict' }).expect(200);
      const recusal = await declare(applicationId, cuc, {
        declaration: 'recused',
        reason: 'Là người thân của chủ dự án.',
      }).expect(200);
      expect(recusal.body).toMatchObject({
        declaration: 'recused',
        recusalReason: 'Là người thân của chủ dự án.',
      });

      const first = await scoreAs(applicationId, binh, fullScores(8, 7, 9)).expect(200);
      expect(first.body).toMatchObject({ revision: 1, weightedMean: 7.9 });
      expect(first.body.scores.map((s: { criterion: string }) => s.criterion)).toEqual([
        'innovation',
        'feasibility',
        'impact',
      ]);

      const mine = await http()
        .get('/api/v1/funding/appraisals/mine')
        .query({ limit: 1 })
        .set('authorization', binh.auth)
        .expect(200);
      expect(mine.body).toEqual({
        items: [
          expect.objectContaining({
            applicationId,
            callId,
            appraisalStatus: 'open',
            declaration: 'no_conflict',
            revision: 1,
            weightedMean: 7.9,
          }),
        ],
        nextCursor: null,
      });

      // dung has not scored: sees the panel, not binh's scores or the means.
      const blind = await read(applicationId, dung).expect(200);
      expect(blind.body.summary).toMatchObject({ scored: 1, mean: null });
      expect(blind.body.appraisers[0]).toMatchObject({
        appraiserId: binh.user.id,
        weightedMean: null,
        scores: [],
      });

      // binh revises (0×40 + 10×35 + 9×25 = 575 → 5.75).
      const revised = await scoreAs(applicationId, binh, fullScores(0, 10, 9)).expect(200);
      expect(revised.body).toMatchObject({ revision: 2, weightedMean: 5.75 });

      await declare(applicationId, dung, { declaration: 'no_conflict' }).expect(200);
      await scoreAs(applicationId, dung, fullScores(9, 8, 9)).expect(200); // 360 + 280 + 225 = 8.65

      const approver = as(Role.FundApprover, 'tuan');
      const seen = await read(applicationId, approver).expect(200);
      expect(seen.body.summary).toEqual({
        assigned: 3,
        scored: 2,
        recused: 1,
        pending: 0,
        mean: 7.2,
        min: 5.75,
        max: 8.65,
        standardDeviation: 1.45,
      });
      expect(seen.body.appraisers[0].scores[2]).toEqual({
        criterion: 'impact',
        label: 'Tác động xã hội',
        weight: 25,
        score: 9,
        comment: 'Tạo việc làm cho 12 lao động nữ.',
      });
      expect(await app.get(AppraisalSummaries).weightedMeans([applicationId])).toEqual(
        new Map([[applicationId, 7.2]]),
      );

      const closed = await http()
        .post(`${base(applicationId)}/close`)
        .set('authorization', lead.auth)
        .send({ reason: 'Đủ hai thẩm định viên đã chấm.' })
        .expect(200);
      expect(closed.body).toMatchObject({ status: 'closed', closedBy: lead.user.id });
      const late = await scoreAs(applicationId, dung, fullScores(1, 1, 1)).expect(409);
      expect(late.body.code).toBe('APPRAISAL_CLOSED');
      expect((await assignTo(applicationId, lead, [(await officer('em')).user.id])).body.code).toBe(
        'APPRAISAL_CLOSED',
      );

      const events = await tap.waitFor(applicationId, 3 + 3 + 3 + 1);
      expect(events.map((event) => event.envelope.type)).toEqual([
        'funding.application.appraiser_assigned',
        'funding.application.appraiser_assigned',
        'funding.application.appraiser_assigned',
        'funding.application.appraiser_declared',
        'funding.application.appraiser_declared',
        'funding.application.appraised',
        'funding.application.appraised',
        'funding.application.appraiser_declared',
        'funding.application.appraised',
        'funding.application.appraisal_closed',
      ]);
      for (const { key, envelope } of events) {
        expect(key).toBe(applicationId);
        const contract = APPRAISAL_EVENTS.find((candidate) => candidate.type === envelope.type);
        expect(contract && validatePayload<object>(contract, envelope.payload).ok).toBe(true);
      }
      expect(events[8]?.envelope).toMatchObject({
        actor: { userId: dung.user.id },
        payload: {
          appraiserId: dung.user.id,
          revision: 1,
          weightedMean: '8.65',
          assigned: 3,
          scored: 2,
          recused: 1,
          mean: '7.2000',
          min: '5.75',
          max: '8.65',
          standardDeviation: '1.4500',
        },
      });
      expect(events[9]?.envelope.payload).toMatchObject({
        reason: 'Đủ hai thẩm định viên đã chấm.',
        scored: 2,
      });

      const history = await dataSource.query(
        'SELECT action, appraiser_id, details FROM appraisal_history WHERE application_id = $1 ORDER BY occurred_at, action',
        [applicationId],
      );
      const scored = history.filter((entry: { action: string }) => entry.action === 'score');
      expect(
        scored.map((entry: { details: { weightedMean: string } }) => entry.details.weightedMean),
      ).toEqual(['7.90', '5.75', '8.65']);
    });

    it('never lets the applicant appraise or run the appraisal of their own application', async () => {
      const founder = as(Role.FundOfficer, 'applicant-officer');
      await join(founder).expect(200);
      const { applicationId } = await submittedApplication(founder.user.id);
      const lead = await officer('hoa');

      const named = await assignTo(applicationId, lead, [
        (await officer('an')).user.id,
        founder.user.id,
      ]).expect(422);
      expect(named.body).toMatchObject({
        code: 'APPRAISAL_APPLICANT_AS_APPRAISER',
        errors: [expect.objectContaining({ field: 'appraiserIds[1]' })],
      });
      const runs = await assignTo(applicationId, founder, [lead.user.id]).expect(403);
      expect(runs.body.code).toBe('APPRAISAL_APPLICANT_EXCLUDED');
      // Nothing was assigned by the refused request.
      expect((await read(applicationId, lead).expect(404)).body.code).toBe('APPRAISAL_NOT_FOUND');
    });

    it('assigns only fund officers funding knows of, still active and unchanged since they joined', async () => {
      const { applicationId } = await submittedApplication();
      const lead = await officer('hoa');
      const stranger = as(Role.FundOfficer, 'never-joined');
      const notOnRoster = await assignTo(applicationId, lead, [stranger.user.id]).expect(422);
      expect(notOnRoster.body).toMatchObject({
        code: 'APPRAISER_NOT_FUND_OFFICER',
        reason: 'not_on_roster',
        errors: [expect.objectContaining({ field: 'appraiserIds[0]' })],
      });

      const founder = as(Role.Founder, 'founder');
      expect((await join(founder).expect(403)).body.code).toBe('FORBIDDEN_ROLE');
      expect((await assignTo(applicationId, founder, [lead.user.id]).expect(403)).body.code).toBe(
        'FORBIDDEN_ROLE',
      );

      const leaving = await officer('leaving');
      await dataSource.query(
        `INSERT INTO account_standing (account_id, status, security_version, updated_at) VALUES ($1, 'deactivated', 1, now())`,
        [leaving.user.id],
      );
      expect((await assignTo(applicationId, lead, [leaving.user.id]).expect(422)).body.reason).toBe(
        'deactivated',
      );

      const moved = await officer('moved');
      await dataSource.query(
        `INSERT INTO account_standing (account_id, status, security_version, updated_at) VALUES ($1, 'active', 2, now())`,
        [moved.user.id],
      );
      expect((await assignTo(applicationId, lead, [moved.user.id]).expect(422)).body.reason).toBe(
        'standing_changed',
      );

      const ok = await officer('ok');
      await assignTo(applicationId, lead, [ok.user.id]).expect(200);
      expect((await assignTo(applicationId, lead, [ok.user.id]).expect(409)).body.code).toBe(
        'APPRAISER_ALREADY_ASSIGNED',
      );
    });

    it('refuses scores before a declaration, after a recusal, off the scale, of an unknown or missing criterion, from someone not assigned', async () => {
      const { applicationId } = await submittedApplication();
      const lead = await officer('hoa');
      const [pending, recused, clear, outsider] = [
        await officer('p'),
        await officer('r'),
        await officer('c'),
        await officer('o'),
      ];
      await assignTo(applicationId, lead, [pending.user.id, recused.user.id, clear.user.id]).expect(200);
      await declare(applicationId, recused, {
        declaration: 'recused',
        reason: 'Từng tư vấn cho dự án.',
      }).expect(200);
      await declare(applicationId, clear, { declaration: 'no_conflict' }).expect(200);

      const refused = async (who: Someone, scores: object[], status: number, code: string) => {
        const response = await scoreAs(applicationId, who, scores)
          .set('accept-language', 'en')
          .expect(status);
        expect(response.body.code).toBe(code);
        return response.body as { errors?: { field: string }[]; detail: string };
      };
      await refused(pending, fullScores(5, 5, 5), 409, 'APPRAISAL_DECLARATION_REQUIRED');
      await refused(recused, fullScores(5, 5, 5), 409, 'APPRAISAL_CONFLICT_DECLARED');
      await refused(outsider, fullScores(5, 5, 5), 403, 'APPRAISAL_NOT_ASSIGNED');
      const offScale = await refused(clear, fullScores(5, 11, 5), 422, 'APPRAISAL_SCORE_OUT_OF_SCALE');
      expect(offScale.errors?.map((error) => error.field)).toEqual(['scores[1].score']);
      expect(offScale.detail).toBe('Scores go from 0 to 10.');
      const unknown = await refused(
        clear,
        [...fullScores(5, 5, 5), { criterion: 'design', score: 5 }],
        422,
        'APPRAISAL_UNKNOWN_CRITERION',
      );
      expect(unknown.errors?.map((error) => error.field)).toEqual(['scores[3].criterion']);
      await refused(clear, fullScores(5, 5, 5).slice(0, 2), 422, 'APPRAISAL_CRITERION_MISSING');
      const declaredTwice = await declare(applicationId, recused, { declaration: 'no_conflict' }).expect(409);
      expect(declaredTwice.body.code).toBe('APPRAISAL_ALREADY_DECLARED');

      // Vietnamese on request.
      const vi = await scoreAs(applicationId, clear, fullScores(5, 11, 5))
        .set('accept-language', 'vi')
        .expect(422);
      expect(vi.body.detail).toBe('Điểm phải từ 0 đến 10.');

      // Nothing refused left a score behind.
      const [{ n }] = await dataSource.query(
        `SELECT count(*)::int AS n FROM appraisal_scores s JOIN appraisal_assignments a ON a.id = s.assignment_id
         WHERE a.application_id = $1`,
        [applicationId],
      );
      expect(n).toBe(0);
    });

    it('names each bad field of a body in a 400', async () => {
      const { applicationId } = await submittedApplication();
      const lead = await officer('hoa');
      const bad = await assignTo(applicationId, lead, ['not-a-uuid']).expect(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
      const clear = await officer('c');
      await assignTo(applicationId, lead, [clear.user.id]).expect(200);
      const noReason = await declare(applicationId, clear, { declaration: 'recused' }).expect(400);
      expect(noReason.body.errors.map((error: { field: string }) => error.field)).toEqual(['reason']);
      await declare(applicationId, clear, { declaration: 'no_conflict' }).expect(200);
      const wrongType = await scoreAs(applicationId, clear, [
        { criterion: 'innovation', score: 'eight' },
      ]).expect(400);
      expect(wrongType.body.errors.map((error: { field: string }) => error.field)).toContain(
        'scores[0].score',
      );
    });

    it('keeps scores as they were once the application is decided, and appraises only submitted, eligible ones', async () => {
      const { applicationId } = await submittedApplication();
      const lead = await officer('hoa');
      const clear = await officer('c');
      await assignTo(applicationId, lead, [clear.user.id]).expect(200);
      await declare(applicationId, clear, { declaration: 'no_conflict' }).expect(200);
      await scoreAs(applicationId, clear, fullScores(6, 6, 6)).expect(200);
      await dataSource.query(`UPDATE applications SET status = 'rejected' WHERE id = $1`, [applicationId]);
      const late = await scoreAs(applicationId, clear, fullScores(9, 9, 9)).expect(409);
      expect(late.body).toMatchObject({
        code: 'APPRAISAL_APPLICATION_DECIDED',
        applicationStatus: 'rejected',
      });
      expect((await read(applicationId, lead).expect(200)).body.appraisers[0].weightedMean).toBe(6);

      const ineligible = await submittedApplication();
      await dataSource.query('UPDATE applications SET eligible = false WHERE id = $1', [
        ineligible.applicationId,
      ]);
      const refused = await assignTo(ineligible.applicationId, lead, [clear.user.id]).expect(409);
      expect(refused.body).toMatchObject({ code: 'APPRAISAL_APPLICATION_NOT_APPRAISABLE', eligible: false });
      const unknown = await assignTo(uuidv7(), lead, [clear.user.id]).expect(404);
      expect(unknown.body.code).toBe('APPLICATION_NOT_FOUND');
      expect((await read(applicationId, as(Role.Founder)).expect(403)).body.code).toBe('FORBIDDEN_ROLE');
    });

    it("lists an appraiser's own assignments, newest first, a page at a time", async () => {
      const lead = await officer('hoa');
      const busy = await officer('busy');
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        const { applicationId } = await submittedApplication();
        await assignTo(applicationId, lead, [busy.user.id]).expect(200);
        ids.push(applicationId);
      }
      const mine = (query: object) =>
        http().get('/api/v1/funding/appraisals/mine').query(query).set('authorization', busy.auth);
      const first = await mine({ limit: 2 }).expect(200);
      expect(first.body.items.map((item: { applicationId: string }) => item.applicationId)).toEqual([
        ids[2],
        ids[1],
      ]);
      const second = await mine({ limit: 2, cursor: first.body.nextCursor }).expect(200);
      expect(second.body).toEqual({
        items: [
          expect.objectContaining({ applicationId: ids[0], declaration: 'pending', weightedMean: null }),
        ],
        nextCursor: null,
      });
      const tampered = await mine({ cursor: 'bm90LWEtY3Vyc29y' }).expect(400);
      expect(tampered.body.errors.map((error: { field: string }) => error.field)).toEqual(['cursor']);
      expect((await mine({}).set('authorization', lead.auth).expect(200)).body.items).toEqual([]);
    });

    it('keeps one assignment and every score when requests race', async () => {
      const { applicationId } = await submittedApplication();
      const lead = await officer('hoa');
      const second = await officer('lan');
      const racer = await officer('racer');
      const twice = await Promise.all([
        assignTo(applicationId, lead, [racer.user.id]),
        assignTo(applicationId, second, [racer.user.id]),
      ]);
      expect(twice.map((response) => response.status).sort()).toEqual([200, 409]);
      expect(twice.find((response) => response.status === 409)?.body.code).toBe('APPRAISER_ALREADY_ASSIGNED');

      const panel = [racer, await officer('x'), await officer('y')];
      await assignTo(applicationId, lead, [panel[1]?.user.id as string, panel[2]?.user.id as string]).expect(
        200,
      );
      for (const who of panel) await declare(applicationId, who, { declaration: 'no_conflict' }).expect(200);
      const scored = await Promise.all(panel.map((who) => scoreAs(applicationId, who, fullScores(7, 7, 7))));
      expect(scored.map((response) => response.status)).toEqual([200, 200, 200]);
      const summary = (await read(applicationId, lead).expect(200)).body.summary;
      expect(summary).toMatchObject({ assigned: 3, scored: 3, mean: 7, standardDeviation: 0 });
      const events = await tap.waitFor(applicationId, 3 + 3 + 3);
      const appraised = events.filter((event) => event.envelope.type === 'funding.application.appraised');
      // Each scoring saw the ones committed before it: the last event's summary counts all three.
      expect(appraised.map((event) => (event.envelope.payload as { scored: number }).scored).sort()).toEqual([
        1, 2, 3,
      ]);
    });
  });
});
