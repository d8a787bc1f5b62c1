import 'reflect-metadata';
import { jest } from '@jest/globals';
import { pendingSchemaChanges } from '@khoinghiep/persistence';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { AppraisalSummaries } from '../src/appraisal/appraisal-summaries.js';
import { freshDatabase, startFundingApp } from './support/funding-app.js';

// Appraisal in the funding app in-process against real PostgreSQL (its own database, migrated from scratch): the
// schema matches the entities, the database itself refuses what the service refuses (the applicant as appraiser,
// scores without a declaration of no conflict, off the scale or of an unknown criterion, after closing or after a
// decision), and the summaries decisions rank by.

jest.setTimeout(60_000);

const RUBRIC = {
  criteria: [
    { code: 'innovation', label: 'Tính đổi mới sáng tạo', weight: 40 },
    { code: 'feasibility', label: 'Tính khả thi', weight: 35 },
    { code: 'impact', label: 'Tác động xã hội', weight: 25 },
  ],
  scale: { min: 0, max: 10 },
};

describe('appraisal against PostgreSQL', () => {
  let app: INestApplication;
  let dataSource: DataSource;

  beforeAll(async () => {
    const url = await freshDatabase(
      `${process.env.DATABASE_PREFIX ?? 'khoinghiep_test_'}funding_appraisal_int`,
    );
    app = await startFundingApp(url);
    dataSource = app.get(DataSource);
  }, 90_000);

  afterAll(async () => {
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
});
