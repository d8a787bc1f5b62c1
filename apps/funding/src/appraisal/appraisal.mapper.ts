import type {
  AppraisalRubric,
  AppraisalSummaryView,
  AppraisalView,
  AppraiserAssessmentView,
  AppraiserView,
  MyAppraisalView,
} from '@khoinghiep/contracts';
import type { Appraisal } from './appraisal.entity.js';
import {
  type AppraisalAggregate,
  type PanelSummary,
  scoresInRubricOrder,
  summaryOf,
} from './appraisal-aggregate.js';
import type { AppraisalAssignment } from './appraisal-assignment.entity.js';
import type { AppraisalScore } from './appraisal-score.entity.js';
import type { AppraiserRosterEntry } from './appraiser-roster-entry.entity.js';

export function toAppraiserView(entry: AppraiserRosterEntry): AppraiserView {
  return {
    accountId: entry.accountId,
    name: entry.name,
    roles: entry.roles,
    joinedAt: entry.joinedAt.toISOString(),
    updatedAt: entry.updatedAt.toISOString(),
  };
}

export function toMyAppraisalView({
  assignment,
  appraisal,
}: {
  assignment: AppraisalAssignment;
  appraisal: Appraisal;
}): MyAppraisalView {
  return {
    applicationId: assignment.applicationId,
    callId: appraisal.callId,
    appraisalStatus: appraisal.status,
    declaration: assignment.declaration,
    revision: assignment.revision,
    weightedMean: assignment.weightedMean === null ? null : Number(assignment.weightedMean),
    assignedAt: assignment.assignedAt.toISOString(),
    scoredAt: assignment.scoredAt?.toISOString() ?? null,
  };
}

export function toAssessmentView(
  assignment: AppraisalAssignment,
  scores: readonly AppraisalScore[],
  rubric: AppraisalRubric,
  blind = false,
): AppraiserAssessmentView {
  return {
    appraiserId: assignment.appraiserId,
    appraiserName: assignment.appraiserName,
    assignedBy: assignment.assignedBy,
    assignedAt: assignment.assignedAt.toISOString(),
    declaration: assignment.declaration,
    declaredAt: assignment.declaredAt?.toISOString() ?? null,
    recusalReason: assignment.recusalReason,
    revision: assignment.revision,
    weightedMean: blind || assignment.weightedMean === null ? null : Number(assignment.weightedMean),
    scoredAt: assignment.scoredAt?.toISOString() ?? null,
    scores: blind
      ? []
      : scoresInRubricOrder(rubric, scores).map(({ criterion, score }) => ({
          criterion: criterion.code,
          label: criterion.label,
          weight: criterion.weight,
          score: score.score,
          comment: score.comment,
        })),
  };
}

function toSummaryView(summary: PanelSummary, blind: boolean): AppraisalSummaryView {
  return {
    assigned: summary.assigned,
    scored: summary.scored,
    recused: summary.recused,
    pending: summary.pending,
    mean: blind ? null : summary.mean,
    min: blind ? null : summary.min,
    max: blind ? null : summary.max,
    standardDeviation: blind ? null : summary.standardDeviation,
  };
}

/**
 * The appraisal as `viewerId` may see it: an appraiser of the panel who has not scored yet (and has not recused)
 * sees who is on the panel and how far they are, but not the others' scores, comments or means, so that their
 * own scores are their own.
 */
export function toAppraisalView(aggregate: AppraisalAggregate, viewerId: string): AppraisalView {
  const { appraisal, assignments, scoresByAssignment } = aggregate;
  const own = assignments.find((assignment) => assignment.appraiserId === viewerId);
  const blind = own !== undefined && own.revision === 0 && own.declaration !== 'recused';
  return {
    applicationId: appraisal.applicationId,
    callId: appraisal.callId,
    status: appraisal.status,
    version: appraisal.version,
    rubric: appraisal.rubric,
    openedAt: appraisal.openedAt.toISOString(),
    closedAt: appraisal.closedAt?.toISOString() ?? null,
    closedBy: appraisal.closedBy,
    closeReason: appraisal.closeReason,
    summary: toSummaryView(summaryOf(assignments), blind),
    appraisers: assignments.map((assignment) =>
      toAssessmentView(
        assignment,
        scoresByAssignment.get(assignment.id) ?? [],
        appraisal.rubric,
        blind && assignment.appraiserId !== viewerId,
      ),
    ),
  };
}
