import { callTermsProblems } from './call-terms.js';

const rubric = (weights: number[], scale = { min: 0, max: 10 }) => ({
  criteria: weights.map((weight, index) => ({ code: `c${index}`, label: `Tiêu chí ${index}`, weight })),
  scale,
});
const opensAt = new Date('2027-03-01T00:00:00.000Z');
const closesAt = new Date('2027-05-20T17:00:00.000Z');

describe('the terms of a funding call', () => {
  it('hold together when the call closes after it opens, weights add up to 100 and the scale rises', () => {
    expect(callTermsProblems({ opensAt, closesAt, appraisalRubric: rubric([40, 35, 25]) })).toEqual([]);
  });

  it('name each field that breaks a rule across fields', () => {
    const problems = callTermsProblems({
      opensAt: closesAt,
      closesAt: opensAt,
      appraisalRubric: rubric([40, 40], { min: 5, max: 5 }),
    });
    expect(problems.map((problem) => [problem.field, problem.params])).toEqual([
      ['closesAt', { opensAt: closesAt.toISOString() }],
      ['appraisalRubric.criteria', { weights: 80 }],
      ['appraisalRubric.scale.max', { min: 5 }],
    ]);
  });

  it('refuses a call that closes the instant it opens', () => {
    expect(callTermsProblems({ opensAt, closesAt: opensAt, appraisalRubric: rubric([100]) })).toHaveLength(1);
  });
});
