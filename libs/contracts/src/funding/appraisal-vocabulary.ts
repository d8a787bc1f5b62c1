/** Words of appraisal (thẩm định) of applications, beyond the shared funding vocabulary. */

/** An appraisal is open to scores until a fund officer closes it. */
export const APPRAISAL_STATUSES = ['open', 'closed'] as const;
export type AppraisalStatus = (typeof APPRAISAL_STATUSES)[number];

/** What an assigned appraiser has said about a conflict of interest: nothing yet, none, or recused. */
export const CONFLICT_DECLARATIONS = ['pending', 'no_conflict', 'recused'] as const;
export type ConflictDeclaration = (typeof CONFLICT_DECLARATIONS)[number];

/** Everything that can happen in an appraisal, as recorded in its history. */
export const APPRAISAL_ACTIONS = ['assign', 'declare_no_conflict', 'recuse', 'score', 'close'] as const;
export type AppraisalAction = (typeof APPRAISAL_ACTIONS)[number];

/** Lengths of what people write in an appraisal. */
export const APPRAISAL_LIMITS = {
  reason: { min: 3, max: 1000 },
  comment: { min: 1, max: 2000 },
  appraisers: { min: 1, max: 10 },
} as const;
