import type { CertificationLevel } from '@khoinghiep/contracts';
import type { ExclusionReason, ProjectFacts } from './match-inputs.js';
import type { PreparedInvestor, PreparedProject } from './prepared.js';
import { hasTerm } from './term-index.js';

/*
 * The rules of a match, written once: `scoreMatch` adds up the points below and `explainMatch` puts a sentence on
 * the very same outcomes, so an explanation can never disagree with the score.
 *
 * Hard filters (any one excludes the project):
 *   ticket            the project's funding ask lies within [ticketMin, ticketMax];
 *   excluded_sector   the project's sector is not one the investor excludes;
 *   province          when the investor restricts to their provinces, the project is in one of them.
 * Criteria (share of the criterion's weight):
 *   sector             listed 1 · investor lists none 0.5 · else 0
 *   stage              listed 1 · next to a listed stage (idea, prototype, early_revenue, growth) 0.5 ·
 *                      investor lists none 0.5 · else 0
 *   province_region    same province 1 · same region 0.6 · investor nationwide 0.5 · else 0
 *   target_groups      a group in common 1 · investor states none 0.5 · else 0
 *   ocop_certification the better of certification (national 1, region 0.8, province 0.6) and OCOP stars
 *                      (5★ 0.8, 4★ 0.6, 3★ 0.4) · neither 0
 *   thesis_text        matched / min(5, thesis words), at most 1: words of the thesis (its first 40) found among the
 *                      project's words · no thesis 0
 *   training           completed 1 · not completed or not known 0
 * Points are whole hundredths (two decimals) per criterion, and the score is their sum: the explanation adds up to
 * the score exactly, with no floating-point drift between the two.
 */

/** One way a criterion can turn out for a pair, and the share of the criterion's weight it gives. */
export interface Outcome<N extends string = string> {
  readonly name: N;
  readonly share: number;
}

// Outcomes are constants of one shape, so a rule answers one without allocating and reading its share is cheap.
const outcomes = <N extends string>(shares: Record<N, number>) =>
  Object.fromEntries(
    Object.entries<number>(shares).map(([name, share]) => [name, Object.freeze({ name, share })]),
  ) as { readonly [K in N]: Outcome<K> };

export const SECTOR = outcomes({ listed: 1, any: 0.5, other: 0 });
export const STAGE = outcomes({ listed: 1, adjacent: 0.5, any: 0.5, other: 0 });
export const PLACE = outcomes({ province: 1, region: 0.6, nationwide: 0.5, elsewhere: 0 });
export const TARGET_GROUP = outcomes({ shared: 1, any: 0.5, other: 0 });
export const TRAINING = outcomes({ completed: 1, not_completed: 0 });

type OutcomeOf<T> = T[keyof T];

export const CERTIFICATION_SHARES: Readonly<Record<CertificationLevel, number>> = {
  national: 1,
  region: 0.8,
  province: 0.6,
};
/** OCOP stars 3 to 5 (fewer is not an OCOP rating). */
export const OCOP_STAR_SHARES: Readonly<Record<number, number>> = { 5: 0.8, 4: 0.6, 3: 0.4 };

export const certificationShare = (facts: ProjectFacts) =>
  facts.certificationLevel === null ? 0 : (CERTIFICATION_SHARES[facts.certificationLevel] ?? 0);
export const ocopShare = (facts: ProjectFacts) =>
  facts.ocopStars === null ? 0 : (OCOP_STAR_SHARES[facts.ocopStars] ?? 0);
/** The better of the certification level and the OCOP stars. */
export const qualityShare = (facts: ProjectFacts) => Math.max(certificationShare(facts), ocopShare(facts));

/** A share of a weight in whole hundredths of a point. */
export const hundredths = (weight: number, share: number) => Math.round(weight * share * 100);

/** The first hard filter that excludes the project, or null when none does. */
export function exclusionOf(investor: PreparedInvestor, project: PreparedProject): ExclusionReason | null {
  if (project.fundingAsk < investor.ticketMin || project.fundingAsk > investor.ticketMax) return 'ticket';
  if ((investor.excludedSectorMask & project.sectorBit) !== 0) return 'excluded_sector';
  if (
    investor.restrictsProvinces &&
    (project.provinceIndex < 0 || investor.provinceFlags[project.provinceIndex] === 0)
  ) {
    return 'province';
  }
  return null;
}

export function sectorOutcome(
  investor: PreparedInvestor,
  project: PreparedProject,
): OutcomeOf<typeof SECTOR> {
  if (investor.sectorMask === 0) return SECTOR.any;
  return (investor.sectorMask & project.sectorBit) !== 0 ? SECTOR.listed : SECTOR.other;
}

export function stageOutcome(investor: PreparedInvestor, project: PreparedProject): OutcomeOf<typeof STAGE> {
  if (investor.stageMask === 0) return STAGE.any;
  if ((investor.stageMask & project.stageBit) !== 0) return STAGE.listed;
  return (investor.adjacentStageMask & project.stageBit) !== 0 ? STAGE.adjacent : STAGE.other;
}

export function placeOutcome(investor: PreparedInvestor, project: PreparedProject): OutcomeOf<typeof PLACE> {
  if (investor.nationwide) return PLACE.nationwide;
  if (project.provinceIndex >= 0 && investor.provinceFlags[project.provinceIndex] === 1)
    return PLACE.province;
  return (investor.regionMask & project.regionBit) !== 0 ? PLACE.region : PLACE.elsewhere;
}

export function targetGroupOutcome(
  investor: PreparedInvestor,
  project: PreparedProject,
): OutcomeOf<typeof TARGET_GROUP> {
  if (investor.targetGroupMask === 0) return TARGET_GROUP.any;
  return (investor.targetGroupMask & project.targetGroupMask) !== 0
    ? TARGET_GROUP.shared
    : TARGET_GROUP.other;
}

export const trainingOutcome = (project: PreparedProject): OutcomeOf<typeof TRAINING> =>
  project.trainingCompleted ? TRAINING.completed : TRAINING.not_completed;

/**
 * How many thesis words the project's words contain, counting up to `limit` (scoring stops at the saturation point;
 * an explanation counts them all). The first five matched go into `words` when given.
 */
export function thesisMatches(
  investor: PreparedInvestor,
  project: PreparedProject,
  limit: number,
  words?: string[],
): number {
  const terms = investor.thesisTerms;
  const hashes = investor.thesisHashes;
  let matched = 0;
  for (let i = 0; i < terms.length && matched < limit; i++) {
    if (hasTerm(project, project.facts.terms, terms[i], hashes[i])) {
      if (words !== undefined && words.length < 5) words.push(terms[i]);
      matched++;
    }
  }
  return matched;
}

export const thesisShare = (investor: PreparedInvestor, matched: number) =>
  investor.thesisSaturation === 0 ? 0 : Math.min(1, matched / investor.thesisSaturation);

// Points of each criterion in hundredths, given its weight.
export const sectorPoints = (investor: PreparedInvestor, project: PreparedProject, weight: number) =>
  hundredths(weight, sectorOutcome(investor, project).share);
export const stagePoints = (investor: PreparedInvestor, project: PreparedProject, weight: number) =>
  hundredths(weight, stageOutcome(investor, project).share);
export const placePoints = (investor: PreparedInvestor, project: PreparedProject, weight: number) =>
  hundredths(weight, placeOutcome(investor, project).share);
export const targetGroupPoints = (investor: PreparedInvestor, project: PreparedProject, weight: number) =>
  hundredths(weight, targetGroupOutcome(investor, project).share);
export const qualityPoints = (project: PreparedProject, weight: number) =>
  hundredths(weight, project.qualityShare);
export const thesisPoints = (investor: PreparedInvestor, project: PreparedProject, weight: number) =>
  hundredths(weight, thesisShare(investor, thesisMatches(investor, project, investor.thesisSaturation)));
export const trainingPoints = (project: PreparedProject, weight: number) =>
  hundredths(weight, trainingOutcome(project).share);
