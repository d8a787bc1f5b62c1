import {
  PROJECT_SECTORS,
  PROJECT_STAGES,
  PROVINCE_CODES,
  REGIONS,
  regionOf,
  TARGET_GROUPS,
} from '@khoinghiep/contracts';
import type { InvestorPreferences, ProjectFacts } from './match-inputs.js';
import { qualityShare } from './match-rules.js';
import { indexTerms, type TermIndex, termHash } from './term-index.js';

// A pair is scored millions of times (a new project against every investor, a changed profile against every
// project), so each side is turned once into numbers: vocabularies become bit masks (bit i = i-th value of the
// tuple), a province becomes its index, the thesis words their hashes and the project's words a `TermIndex`.

/** The thesis is compared on its first 40 words (in order of first use): the rest add noise, not meaning. */
export const THESIS_TERMS_COMPARED = 40;
/** Matching this many words of the thesis (or all of a shorter one) gives the criterion's full points. */
export const THESIS_TERMS_SATURATING = 5;

/** An investor's preferences, ready to be scored against many projects. */
export interface PreparedInvestor {
  readonly preferences: InvestorPreferences;
  /** Sectors listed (0 = any sector). */
  readonly sectorMask: number;
  readonly excludedSectorMask: number;
  /** Stages listed (0 = any stage), and the stages next to a listed one that are not listed themselves. */
  readonly stageMask: number;
  readonly adjacentStageMask: number;
  readonly ticketMin: number;
  readonly ticketMax: number;
  /** 1 at the index (in PROVINCE_CODES) of each province listed. */
  readonly provinceFlags: Uint8Array;
  /** Regions of the provinces listed. */
  readonly regionMask: number;
  /** No province listed: the investor invests nationwide. */
  readonly nationwide: boolean;
  /** Only projects in the listed provinces may match (a restriction to no province restricts nothing). */
  readonly restrictsProvinces: boolean;
  readonly targetGroupMask: number;
  /** The distinct thesis words compared, at most THESIS_TERMS_COMPARED. */
  readonly thesisTerms: readonly string[];
  /** Matched words giving full points: min(THESIS_TERMS_SATURATING, thesisTerms.length); 0 = no thesis. */
  readonly thesisSaturation: number;
  /** `termHash` of each thesis word. */
  readonly thesisHashes: readonly number[];
}

/** A published project's facts, ready to be scored against many investors (its words indexed: `indexTerms`). */
export interface PreparedProject extends TermIndex {
  readonly facts: ProjectFacts;
  readonly sectorBit: number;
  readonly stageBit: number;
  /** Index in PROVINCE_CODES, -1 for a code not in force. */
  readonly provinceIndex: number;
  /** 0 when the province has no region. */
  readonly regionBit: number;
  readonly fundingAsk: number;
  readonly targetGroupMask: number;
  /** Share of the OCOP/certification criterion's weight the project earns (see `qualityShare`). */
  readonly qualityShare: number;
  readonly trainingCompleted: boolean;
}

const bitOf = (values: readonly string[]) => {
  const bits = new Map(values.map((value, index) => [value, 1 << index]));
  return (value: string) => bits.get(value) ?? 0;
};
const sectorBit = bitOf(PROJECT_SECTORS);
const stageBit = bitOf(PROJECT_STAGES);
const targetGroupBit = bitOf(TARGET_GROUPS);
const regionBit = bitOf(REGIONS);
const provinceIndexes = new Map(PROVINCE_CODES.map((code, index) => [code, index]));
const STAGES_MASK = (1 << PROJECT_STAGES.length) - 1;

const maskOf = (values: readonly string[], bit: (value: string) => number) => {
  let mask = 0;
  for (const value of values) mask |= bit(value);
  return mask;
};

export function prepareInvestor(preferences: InvestorPreferences): PreparedInvestor {
  const stageMask = maskOf(preferences.stages, stageBit);
  const provinceFlags = new Uint8Array(PROVINCE_CODES.length);
  let regionMask = 0;
  for (const code of preferences.provinceCodes) {
    const index = provinceIndexes.get(code);
    if (index === undefined) continue;
    provinceFlags[index] = 1;
    regionMask |= regionBit(regionOf(code) ?? '');
  }
  const thesisTerms = [...new Set(preferences.thesisTerms)].slice(0, THESIS_TERMS_COMPARED);
  return {
    preferences,
    sectorMask: maskOf(preferences.sectors, sectorBit),
    excludedSectorMask: maskOf(preferences.excludedSectors, sectorBit),
    stageMask,
    adjacentStageMask: ((stageMask << 1) | (stageMask >>> 1)) & STAGES_MASK & ~stageMask,
    ticketMin: preferences.ticketMin,
    ticketMax: preferences.ticketMax,
    provinceFlags,
    regionMask,
    nationwide: preferences.provinceCodes.length === 0,
    restrictsProvinces: preferences.provincesOnly && preferences.provinceCodes.length > 0,
    targetGroupMask: maskOf(preferences.targetGroups, targetGroupBit),
    thesisTerms,
    thesisSaturation: Math.min(THESIS_TERMS_SATURATING, thesisTerms.length),
    thesisHashes: thesisTerms.map(termHash),
  };
}

export function prepareProject(facts: ProjectFacts): PreparedProject {
  const { termFilter, termHashes, termIndexes } = indexTerms(facts.terms);
  return {
    facts,
    sectorBit: sectorBit(facts.sector),
    stageBit: stageBit(facts.stage),
    provinceIndex: provinceIndexes.get(facts.provinceCode) ?? -1,
    regionBit: regionBit(regionOf(facts.provinceCode) ?? ''),
    fundingAsk: facts.fundingAsk,
    targetGroupMask: maskOf(facts.targetGroups, targetGroupBit),
    qualityShare: qualityShare(facts),
    trainingCompleted: facts.trainingCompleted,
    termFilter,
    termHashes,
    termIndexes,
  };
}
