import type { AppraisalRubric } from '@khoinghiep/contracts';
import { notOfficerReason } from './appraisal.service.js';
import { checkScores, scoringRefusal } from './appraisal-rules.js';
import { AppraiserRosterEntry } from './appraiser-roster-entry.entity.js';

const rubric: AppraisalRubric = {
  criteria: [
    { code: 'innovation', label: 'Tính đổi mới', weight: 60 },
    { code: 'impact', label: 'Tác động', weight: 40 },
  ],
  scale: { min: 1, max: 5 },
};

describe('scores held against the rubric', () => {
  it('accepts every criterion once, on the scale', () => {
    expect(
      checkScores(
        [
          { criterion: 'impact', score: 1 },
          { criterion: 'innovation', score: 5 },
        ],
        rubric,
      ),
    ).toBeNull();
  });

  it('names a criterion that is not in the rubric', () => {
    expect(
      checkScores(
        [
          { criterion: 'innovation', score: 3 },
          { criterion: 'design', score: 3 },
        ],
        rubric,
      ),
    ).toEqual({
      code: 'APPRAISAL_UNKNOWN_CRITERION',
      errors: [expect.objectContaining({ field: 'scores[1].criterion', params: { code: 'design' } })],
    });
  });

  it('names each score off the scale, at both ends', () => {
    const verdict = checkScores(
      [
        { criterion: 'innovation', score: 0 },
        { criterion: 'impact', score: 6 },
      ],
      rubric,
    );
    expect(verdict?.code).toBe('APPRAISAL_SCORE_OUT_OF_SCALE');
    expect(verdict?.errors.map((error) => error.field)).toEqual(['scores[0].score', 'scores[1].score']);
  });

  it('names each criterion left out', () => {
    expect(checkScores([{ criterion: 'impact', score: 4 }], rubric)).toEqual({
      code: 'APPRAISAL_CRITERION_MISSING',
      errors: [expect.objectContaining({ field: 'scores', params: { code: 'innovation' } })],
    });
  });
});

describe('who may score', () => {
  it('is only an appraiser who declared no conflict', () => {
    expect(scoringRefusal('pending')).toBe('declaration_required');
    expect(scoringRefusal('recused')).toBe('conflict');
    expect(scoringRefusal('no_conflict')).toBeNull();
  });
});

describe('who funding takes as a fund officer who may appraise', () => {
  const entry = (roles: string[], securityVersion = 0) =>
    Object.assign(new AppraiserRosterEntry(), {
      accountId: '0192f1c2-0000-7000-8000-000000000001',
      name: 'Hoa',
      roles,
      securityVersion,
      joinedAt: new Date(0),
      updatedAt: new Date(0),
    });

  it('is someone on the roster as a fund officer, active, unchanged since joining', () => {
    expect(notOfficerReason(entry(['fund_officer']), undefined)).toBeNull();
    expect(notOfficerReason(entry(['fund_officer'], 2), { status: 'active', securityVersion: 2 })).toBeNull();
  });

  it('names why anyone else is not', () => {
    expect(notOfficerReason(undefined, undefined)).toBe('not_on_roster');
    expect(notOfficerReason(entry(['fund_approver']), undefined)).toBe('not_fund_officer');
    expect(notOfficerReason(entry(['fund_officer'], 1), { status: 'deactivated', securityVersion: 1 })).toBe(
      'deactivated',
    );
    expect(notOfficerReason(entry(['fund_officer'], 1), { status: 'active', securityVersion: 2 })).toBe(
      'standing_changed',
    );
  });
});
