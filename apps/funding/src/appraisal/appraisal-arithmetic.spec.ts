import type { AppraisalRubric } from '@khoinghiep/contracts';
import { spreadOf, weightedMeanOf } from './appraisal-arithmetic.js';

const rubric: AppraisalRubric = {
  criteria: [
    { code: 'innovation', label: 'Tính đổi mới', weight: 40 },
    { code: 'feasibility', label: 'Tính khả thi', weight: 35 },
    { code: 'impact', label: 'Tác động', weight: 25 },
  ],
  scale: { min: 0, max: 10 },
};

describe('the weighted mean of one appraiser', () => {
  it('weighs each criterion by its percent, exact to the hundredth', () => {
    // 8×40 + 7×35 + 9×25 = 320 + 245 + 225 = 790 → 7.90
    expect(
      weightedMeanOf(
        [
          { criterionCode: 'innovation', score: 8 },
          { criterionCode: 'feasibility', score: 7 },
          { criterionCode: 'impact', score: 9 },
        ],
        rubric,
      ),
    ).toBe('7.90');
  });

  it('keeps hundredths a float would blur (1×35 + 0 + 0 = 0.35)', () => {
    expect(
      weightedMeanOf(
        [
          { criterionCode: 'innovation', score: 0 },
          { criterionCode: 'feasibility', score: 1 },
          { criterionCode: 'impact', score: 0 },
        ],
        rubric,
      ),
    ).toBe('0.35');
  });

  it('is the top of the scale when every criterion has the top score', () => {
    const top = rubric.criteria.map((criterion) => ({ criterionCode: criterion.code, score: 10 }));
    expect(weightedMeanOf(top, rubric)).toBe('10.00');
  });

  it('refuses to compute over a criterion left unscored', () => {
    expect(() => weightedMeanOf([{ criterionCode: 'innovation', score: 8 }], rubric)).toThrow(
      'criterion feasibility is not scored',
    );
  });
});

describe('the spread of a panel', () => {
  it('is empty when nobody has scored', () => {
    expect(spreadOf([])).toEqual({ count: 0, mean: null, min: null, max: null, standardDeviation: null });
  });

  it('has no deviation for one appraiser', () => {
    expect(spreadOf([7.9])).toEqual({ count: 1, mean: 7.9, min: 7.9, max: 7.9, standardDeviation: 0 });
  });

  it('gives mean, min, max and the population standard deviation', () => {
    // mean 5; deviations −3, −1, 1, 3 → variance (9+1+1+9)/4 = 5 → √5 ≈ 2.2361
    expect(spreadOf([2, 4, 6, 8])).toEqual({
      count: 4,
      mean: 5,
      min: 2,
      max: 8,
      standardDeviation: 2.2361,
    });
  });
});
