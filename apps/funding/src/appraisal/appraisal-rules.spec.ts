import type { AppraisalRubric } from '@khoinghiep/contracts';
import { checkScores, scoringRefusal } from './appraisal-rules.js';

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
