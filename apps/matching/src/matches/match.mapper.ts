import type {
  MatchCriterionView,
  MatchedProjectView,
  MatchFilterView,
  MatchMark,
  ProjectMatchView,
} from '@khoinghiep/contracts';
import type { CataloguedProject } from '../catalogue/catalogued-project.entity.js';
import type { ExplainedMatch } from '../scoring/match-inputs.js';

/** A published project's card (the catalogue's facts; a published row has them all). */
export function toMatchedProjectView(project: CataloguedProject): MatchedProjectView {
  return {
    id: project.projectId,
    title: project.title ?? '',
    summary: project.summary ?? '',
    sector: project.sector as MatchedProjectView['sector'],
    stage: project.stage as MatchedProjectView['stage'],
    provinceCode: project.provinceCode ?? '',
    commune: project.commune,
    fundingAsk: project.fundingAsk ?? '0',
    targetGroups: project.targetGroups,
    ocopStars: project.ocopStars,
    certificationLevel: project.certificationLevel,
    publishedAt: project.publishedAt?.toISOString() ?? null,
  };
}

/** The explanation of a match as the API shows it: the criteria, and the hard filters passed or the one failed. */
export function explanationView(
  explained: ExplainedMatch,
): Pick<ProjectMatchView, 'excluded' | 'score' | 'criteria' | 'filters'> {
  if (explained.excluded) {
    return {
      excluded: true,
      score: null,
      criteria: [],
      filters: [{ filter: explained.reason, explanation: explained.explanation }],
    };
  }
  return {
    excluded: false,
    score: explained.score,
    criteria: explained.criteria.map(
      (criterion): MatchCriterionView => ({
        criterion: criterion.criterion,
        weight: criterion.weight,
        points: criterion.points,
        investorSide: criterion.investorSide,
        projectSide: criterion.projectSide,
        explanation: criterion.explanation,
      }),
    ),
    filters: explained.filters.map(
      (filter): MatchFilterView => ({ filter: filter.filter, explanation: filter.explanation }),
    ),
  };
}

export function toProjectMatchView(
  project: CataloguedProject,
  explained: ExplainedMatch,
  mark: MatchMark | null,
  weightsVersionId: string,
): ProjectMatchView {
  return { project: toMatchedProjectView(project), ...explanationView(explained), mark, weightsVersionId };
}
