import type {
  CertificationLevel,
  InvestorKind,
  ProjectSector,
  ProjectStage,
  TargetGroup,
} from '@khoinghiep/contracts';
import type { InvestorPreferences, ProjectFacts } from '../scoring/match-inputs.js';

// The columns the scorer reads, and nothing else: rescoring an investor reads every published project, so each
// column costs 100,000 values. Money comes as float8 (exact below 2^53) and the words as one space-separated text,
// which JavaScript splits faster than node-postgres parses a text array.

/** Columns of `catalogued_projects` (alias `c`) that make a project's `ProjectFacts`. */
export const PROJECT_FACTS_COLUMNS = `c.project_id, c.sector, c.stage, c.province_code,
  c.funding_ask::float8 AS funding_ask, c.target_groups, c.ocop_stars, c.certification_level,
  array_to_string(c.terms, ' ') AS terms, c.training_completed`;

export interface ProjectFactsRow {
  project_id: string;
  sector: ProjectSector;
  stage: ProjectStage;
  province_code: string;
  funding_ask: number;
  target_groups: TargetGroup[];
  ocop_stars: number | null;
  certification_level: CertificationLevel | null;
  terms: string;
  training_completed: boolean;
}

const words = (text: string): string[] => (text === '' ? [] : text.split(' '));

export function projectFactsOf(row: ProjectFactsRow): ProjectFacts {
  return {
    projectId: row.project_id,
    sector: row.sector,
    stage: row.stage,
    provinceCode: row.province_code,
    fundingAsk: row.funding_ask,
    targetGroups: row.target_groups,
    ocopStars: row.ocop_stars,
    certificationLevel: row.certification_level,
    terms: words(row.terms),
    trainingCompleted: row.training_completed,
  };
}

/** Columns of `investor_profiles` (alias `p`) that make an investor's `InvestorPreferences`, beside its id. */
export const INVESTOR_PREFERENCES_COLUMNS = `p.kind, p.sectors, p.excluded_sectors, p.stages,
  p.ticket_min::float8 AS ticket_min, p.ticket_max::float8 AS ticket_max, p.province_codes, p.provinces_only,
  p.target_groups, array_to_string(p.thesis_terms, ' ') AS thesis_terms, p.revision`;

export interface InvestorPreferencesRow {
  investor_id: string;
  kind: InvestorKind;
  sectors: ProjectSector[];
  excluded_sectors: ProjectSector[];
  stages: ProjectStage[];
  ticket_min: number;
  ticket_max: number;
  province_codes: string[];
  provinces_only: boolean;
  target_groups: TargetGroup[];
  thesis_terms: string;
  revision: string;
}

export function investorPreferencesOf(row: InvestorPreferencesRow): InvestorPreferences {
  return {
    investorId: row.investor_id,
    kind: row.kind,
    sectors: row.sectors,
    excludedSectors: row.excluded_sectors,
    stages: row.stages,
    ticketMin: row.ticket_min,
    ticketMax: row.ticket_max,
    provinceCodes: row.province_codes,
    provincesOnly: row.provinces_only,
    targetGroups: row.target_groups,
    thesisTerms: words(row.thesis_terms),
  };
}
