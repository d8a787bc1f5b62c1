import type {
  Bilingual,
  CertificationLevel,
  InvestorKind,
  MatchCriterion,
  ProjectSector,
  ProjectStage,
  TargetGroup,
} from '@khoinghiep/contracts';

// What the scorer reads and answers. Plain data, so the same function scores one pair for an explanation, a
// project against every investor, and an investor against every project (money as numbers of đồng: far below 2^53).

/** A published project's side of a match (from `catalogued_projects`). */
export interface ProjectFacts {
  readonly projectId: string;
  readonly sector: ProjectSector;
  readonly stage: ProjectStage;
  readonly provinceCode: string;
  readonly fundingAsk: number;
  readonly targetGroups: readonly TargetGroup[];
  readonly ocopStars: number | null;
  readonly certificationLevel: CertificationLevel | null;
  /** Folded words of title and summary (see `foldTerms`). */
  readonly terms: readonly string[];
  readonly trainingCompleted: boolean;
  /** How the project wrote its words (folded → as written), for explanations only; scoring never reads it. */
  readonly spellings?: ReadonlyMap<string, string>;
}

/** An investor's side of a match (from `investor_profiles`). */
export interface InvestorPreferences {
  readonly investorId: string;
  readonly kind: InvestorKind;
  readonly sectors: readonly ProjectSector[];
  readonly excludedSectors: readonly ProjectSector[];
  readonly stages: readonly ProjectStage[];
  readonly ticketMin: number;
  readonly ticketMax: number;
  readonly provinceCodes: readonly string[];
  readonly provincesOnly: boolean;
  readonly targetGroups: readonly TargetGroup[];
  /** Folded words of the thesis (see `foldTerms`). */
  readonly thesisTerms: readonly string[];
}

/** The match weights version in force: the most points each criterion can give (they sum to 100). */
export interface MatchWeights {
  readonly versionId: string;
  readonly points: Readonly<Record<MatchCriterion, number>>;
}

/** Why a hard filter excluded a project. */
export type ExclusionReason = 'ticket' | 'excluded_sector' | 'province';

/** One criterion of an explained match. */
export interface CriterionScore {
  readonly criterion: MatchCriterion;
  /** The most points the criterion can give (its weight). */
  readonly weight: number;
  /** Points it gave, 0..weight. */
  readonly points: number;
  /** What was compared, as short values (e.g. investor "agriculture_food, tourism", project "agriculture_food"). */
  readonly investorSide: string;
  readonly projectSide: string;
  /** One sentence, e.g. vi "Cùng lĩnh vực Nông nghiệp – thực phẩm", en "Same sector: agriculture and food". */
  readonly explanation: Bilingual;
}

/** An explained match, or why there is none. */
export type ExplainedMatch =
  | {
      readonly excluded: false;
      /** Sum of the criteria's points (0..100, two decimals): equal to `scoreMatch` for the same pair. */
      readonly score: number;
      /** One per criterion of MATCH_CRITERIA, in that order. */
      readonly criteria: readonly CriterionScore[];
      /** The hard filters that applied to this investor, each passed. */
      readonly filters: readonly FilterCheck[];
      readonly weightsVersionId: string;
    }
  | { readonly excluded: true; readonly reason: ExclusionReason; readonly explanation: Bilingual };

/** A hard filter the project passed, in one sentence (e.g. vi "Ticket 500 triệu–2 tỷ ₫ bao trùm số vốn cần 1,5 tỷ ₫"). */
export interface FilterCheck {
  readonly filter: ExclusionReason;
  readonly explanation: Bilingual;
}
