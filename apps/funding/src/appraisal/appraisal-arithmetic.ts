import type { AppraisalRubric } from '@khoinghiep/contracts';

/** One criterion scored by one appraiser. */
export interface CriterionScore {
  criterionCode: string;
  score: number;
}

/**
 * The weighted mean of one appraiser's scores: Σ score × weight / 100 (weights are whole percent adding up to 100),
 * on the rubric's scale. Whole scores and weights make it a whole number of hundredths: returned exact, as the
 * decimal string the database keeps (`"7.35"`). Every criterion of the rubric must be scored.
 */
export function weightedMeanOf(scores: readonly CriterionScore[], rubric: AppraisalRubric): string {
  const byCode = new Map(scores.map((entry) => [entry.criterionCode, entry.score]));
  let hundredths = 0;
  for (const criterion of rubric.criteria) {
    const score = byCode.get(criterion.code);
    if (score === undefined) throw new Error(`criterion ${criterion.code} is not scored`);
    hundredths += score * criterion.weight;
  }
  const weights = rubric.criteria.reduce((sum, criterion) => sum + criterion.weight, 0);
  if (weights !== 100) {
    // Calls hold their weights to 100; a rubric that does not is normalised rather than trusted.
    return (hundredths / weights).toFixed(2);
  }
  const whole = Math.trunc(hundredths / 100);
  return `${whole}.${String(hundredths % 100).padStart(2, '0')}`;
}

/** What the panel's weighted means say together: how many, their mean and how far apart they are. */
export interface Spread {
  /** Appraisers who have scored. */
  count: number;
  /** Mean of the appraisers' weighted means; null when nobody has scored. */
  mean: number | null;
  min: number | null;
  max: number | null;
  /** Population standard deviation of the appraisers' weighted means (the panel is the whole population). */
  standardDeviation: number | null;
}

const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

/** Mean, min, max and standard deviation of the appraisers' weighted means, to four decimals. */
export function spreadOf(means: readonly number[]): Spread {
  if (means.length === 0) return { count: 0, mean: null, min: null, max: null, standardDeviation: null };
  const mean = means.reduce((sum, value) => sum + value, 0) / means.length;
  const variance = means.reduce((sum, value) => sum + (value - mean) ** 2, 0) / means.length;
  return {
    count: means.length,
    mean: round4(mean),
    min: Math.min(...means),
    max: Math.max(...means),
    standardDeviation: round4(Math.sqrt(variance)),
  };
}
