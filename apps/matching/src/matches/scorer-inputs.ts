import type { CataloguedProject } from '../catalogue/catalogued-project.entity.js';
import type { InvestorProfile } from '../profiles/investor-profile.entity.js';
import { termSpellings } from '../scoring/fold-terms.js';
import type { InvestorPreferences, ProjectFacts } from '../scoring/match-inputs.js';

/** The columns of `catalogued_projects` the scorer reads, for queries that load nothing else. */
export const PROJECT_FACT_COLUMNS = [
  'projectId',
  'sector',
  'stage',
  'provinceCode',
  'fundingAsk',
  'targetGroups',
  'ocopStars',
  'certificationLevel',
  'terms',
  'trainingCompleted',
] as const satisfies readonly (keyof CataloguedProject)[];

/** A published project's side of a match (a published row always has these facts: a database check says so). */
export function projectFactsOf(
  project: Pick<CataloguedProject, (typeof PROJECT_FACT_COLUMNS)[number]> &
    Partial<Pick<CataloguedProject, 'title' | 'summary'>>,
): ProjectFacts {
  if (project.sector === null || project.stage === null || project.provinceCode === null) {
    throw new Error(`catalogued project ${project.projectId} has no facts: it is not published`);
  }
  return {
    projectId: project.projectId,
    sector: project.sector,
    stage: project.stage,
    provinceCode: project.provinceCode,
    fundingAsk: Number(project.fundingAsk),
    targetGroups: project.targetGroups,
    ocopStars: project.ocopStars,
    certificationLevel: project.certificationLevel,
    terms: project.terms,
    trainingCompleted: project.trainingCompleted,
    // Loaded whole (to be shown), the project's own spelling of its words goes into the explanation.
    ...(project.title ? { spellings: termSpellings(`${project.title} ${project.summary ?? ''}`) } : {}),
  };
}

/** The columns of `investor_profiles` the scorer reads. */
export const PREFERENCE_COLUMNS = [
  'investorId',
  'kind',
  'sectors',
  'excludedSectors',
  'stages',
  'ticketMin',
  'ticketMax',
  'provinceCodes',
  'provincesOnly',
  'targetGroups',
  'thesisTerms',
] as const satisfies readonly (keyof InvestorProfile)[];

/** An investor's side of a match. */
export function preferencesOf(
  profile: Pick<InvestorProfile, (typeof PREFERENCE_COLUMNS)[number]>,
): InvestorPreferences {
  return {
    investorId: profile.investorId,
    kind: profile.kind,
    sectors: profile.sectors,
    excludedSectors: profile.excludedSectors,
    stages: profile.stages,
    ticketMin: Number(profile.ticketMin),
    ticketMax: Number(profile.ticketMax),
    provinceCodes: profile.provinceCodes,
    provincesOnly: profile.provincesOnly,
    targetGroups: profile.targetGroups,
    thesisTerms: profile.thesisTerms,
  };
}
