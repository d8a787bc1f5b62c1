import {
  type ApplicationStatus,
  type AppraisalRubric,
  type ConflictDeclaration,
  Role,
} from '@khoinghiep/contracts';
import type { DomainFieldError } from '@khoinghiep/http';
import type { ScoresProblem } from './appraisal.errors.js';

/** The domain's view of the verified caller. */
export interface Caller {
  userId: string;
  roles: readonly string[];
}

/** Who runs appraisals and appraises: fund officers. */
export const APPRAISERS: readonly Role[] = [Role.FundOfficer];
/** Who reads appraisals: fund staff (the approver decides on the summary) and admins. */
export const APPRAISAL_READERS: readonly Role[] = [Role.FundOfficer, Role.FundApprover, Role.Admin];

const hasAny = (caller: Caller, roles: readonly Role[]) => roles.some((role) => caller.roles.includes(role));
export const mayAppraise = (caller: Caller) => hasAny(caller, APPRAISERS);
export const mayReadAppraisals = (caller: Caller) => hasAny(caller, APPRAISAL_READERS);

/** What an appraiser's scores must be for the rubric; `null` when they are right. */
export interface ScoresVerdict {
  code: ScoresProblem;
  errors: DomainFieldError[];
}

/**
 * Holds an appraiser's scores against the rubric: every criterion once (the DTO already refuses duplicates),
 * none that is not in it, each on the scale. Reports the worst kind of problem, with every field of that kind.
 */
export function checkScores(
  scores: readonly { criterion: string; score: number }[],
  rubric: AppraisalRubric,
): ScoresVerdict | null {
  const codes = new Set(rubric.criteria.map((criterion) => criterion.code));
  const unknown: DomainFieldError[] = [];
  const offScale: DomainFieldError[] = [];
  scores.forEach((entry, index) => {
    if (!codes.has(entry.criterion)) {
      unknown.push({
        field: `scores[${index}].criterion`,
        message: { vi: 'Không có tiêu chí "{code}" trong bảng.', en: 'No criterion "{code}" in the rubric.' },
        params: { code: entry.criterion },
      });
    } else if (entry.score < rubric.scale.min || entry.score > rubric.scale.max) {
      offScale.push({
        field: `scores[${index}].score`,
        message: {
          vi: 'Điểm {score} ngoài thang {min}–{max}.',
          en: 'Score {score} is off the scale {min}–{max}.',
        },
        params: { score: entry.score, min: rubric.scale.min, max: rubric.scale.max },
      });
    }
  });
  if (unknown.length > 0) return { code: 'APPRAISAL_UNKNOWN_CRITERION', errors: unknown };
  if (offScale.length > 0) return { code: 'APPRAISAL_SCORE_OUT_OF_SCALE', errors: offScale };
  const scored = new Set(scores.map((entry) => entry.criterion));
  const missing = rubric.criteria
    .filter((criterion) => !scored.has(criterion.code))
    .map(
      (criterion): DomainFieldError => ({
        field: 'scores',
        message: { vi: 'Chưa chấm tiêu chí "{code}".', en: 'Criterion "{code}" is not scored.' },
        params: { code: criterion.code },
      }),
    );
  return missing.length > 0 ? { code: 'APPRAISAL_CRITERION_MISSING', errors: missing } : null;
}

/** Where an application stands for its appraisal: still open to it, or decided (or withdrawn) already. */
export function isUndecided(status: ApplicationStatus): boolean {
  return status === 'submitted';
}

/** What a scoring appraiser may do given their declaration. */
export function scoringRefusal(declaration: ConflictDeclaration): 'declaration_required' | 'conflict' | null {
  if (declaration === 'pending') return 'declaration_required';
  if (declaration === 'recused') return 'conflict';
  return null;
}
