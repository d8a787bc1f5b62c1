/**
 * Words of funding calls (đợt) beyond the shared funding vocabulary: what happens to a call, and the shape of its
 * appraisal rubric, which the appraisal feature reads.
 */

/** Everything that can happen to a call, as recorded in its history. */
export const CALL_ACTIONS = ['create', 'update', 'open', 'close', 'finalise', 'change_budget'] as const;
export type CallAction = (typeof CALL_ACTIONS)[number];

/** One criterion of an appraisal rubric: a stable code, its label, and its weight in percent. */
export interface RubricCriterion {
  code: string;
  label: string;
  /** Whole percent; the weights of a rubric add up to 100. */
  weight: number;
}

/** How appraisers score each criterion: whole numbers from `min` to `max`. */
export interface RubricScale {
  min: number;
  max: number;
}

/** The rubric appraisers score applications of a call with. */
export interface AppraisalRubric {
  criteria: RubricCriterion[];
  scale: RubricScale;
}
