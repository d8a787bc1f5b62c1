import type { AppraisalRubric } from '@khoinghiep/contracts';
import type { Appraisal } from './appraisal.entity.js';
import { type Spread, spreadOf } from './appraisal-arithmetic.js';
import type { AppraisalAssignment } from './appraisal-assignment.entity.js';
import type { AppraisalScore } from './appraisal-score.entity.js';

/** An appraisal with its panel and each appraiser's latest scores. */
export interface AppraisalAggregate {
  appraisal: Appraisal;
  /** In the order they were assigned. */
  assignments: AppraisalAssignment[];
  scoresByAssignment: Map<string, AppraisalScore[]>;
}

/** How the panel stands and what its weighted means say together. */
export interface PanelSummary extends Spread {
  assigned: number;
  scored: number;
  recused: number;
  pending: number;
}

export function summaryOf(assignments: readonly AppraisalAssignment[]): PanelSummary {
  const means = assignments
    .filter((assignment) => assignment.revision > 0 && assignment.weightedMean !== null)
    .map((assignment) => Number(assignment.weightedMean));
  const spread = spreadOf(means);
  return {
    ...spread,
    assigned: assignments.length,
    scored: spread.count,
    recused: assignments.filter((assignment) => assignment.declaration === 'recused').length,
    pending: assignments.filter((assignment) => assignment.declaration === 'pending').length,
  };
}

/** The scores of an assignment in the rubric's order. */
export function scoresInRubricOrder(rubric: AppraisalRubric, scores: readonly AppraisalScore[]) {
  const byCode = new Map(scores.map((score) => [score.criterionCode, score]));
  return rubric.criteria.flatMap((criterion) => {
    const score = byCode.get(criterion.code);
    return score ? [{ criterion, score }] : [];
  });
}
