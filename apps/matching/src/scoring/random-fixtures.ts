import {
  CERTIFICATION_LEVELS,
  INVESTOR_KINDS,
  PROJECT_SECTORS,
  PROJECT_STAGES,
  PROVINCE_CODES,
  TARGET_GROUPS,
} from '@khoinghiep/contracts';
import type { InvestorPreferences, MatchWeights, ProjectFacts } from './match-inputs.js';

// Seeded random profiles and projects for property tests (same seed, same data), spread like the real thing: more
// projects in the big cities and in agriculture, tickets from tens of millions to tens of billions of đồng, and words
// from one small vocabulary so that theses and projects share some.

/** A random number generator in [0, 1) from a 32-bit seed (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

const integer = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const chance = (random: Random, probability: number) => random() < probability;
const pick = <T>(random: Random, values: readonly T[]): T => values[Math.floor(random() * values.length)];

const weightedPick = <T>(random: Random, values: readonly T[], weights: readonly number[]): T => {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let roll = random() * total;
  for (let i = 0; i < values.length; i++) {
    roll -= weights[i];
    if (roll < 0) return values[i];
  }
  return values[values.length - 1];
};

/** Up to `max` distinct values, drawn with the weights. */
const someOf = <T>(random: Random, values: readonly T[], max: number, weights?: readonly number[]): T[] => {
  const chosen = new Set<T>();
  const count = integer(random, 0, max);
  for (let i = 0; i < count; i++)
    chosen.add(weights ? weightedPick(random, values, weights) : pick(random, values));
  return [...chosen];
};

/** A version-4-shaped UUID (lower case) from the generator. */
export function randomUuid(random: Random): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = '89ab'[Math.floor(random() * 4)];
  const text = hex.join('');
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}

/** Hanoi and Ho Chi Minh City weigh most, then the other big cities and the Mekong and Red River provinces. */
const PROVINCE_WEIGHTS = PROVINCE_CODES.map((code) =>
  code === '79' ? 12 : code === '01' ? 10 : ['31', '48', '92'].includes(code) ? 4 : 2,
);
const SECTOR_WEIGHTS = PROJECT_SECTORS.map((sector) =>
  sector === 'agriculture_food' ? 6 : sector === 'other' ? 1 : 2,
);
const STAGE_WEIGHTS = [4, 3, 2, 1];

/** Folded words of projects and theses: agriculture, crafts, tourism, technology, and some everyday ones. */
const VOCABULARY = [
  'ca',
  'phe',
  'nong',
  'nghiep',
  'huu',
  'co',
  'sach',
  'che',
  'bien',
  'hat',
  'dieu',
  'lua',
  'gao',
  'tom',
  'trai',
  'cay',
  'rau',
  'mat',
  'ong',
  'thu',
  'cong',
  'my',
  'nghe',
  'gom',
  'det',
  'may',
  'tre',
  'du',
  'lich',
  'sinh',
  'thai',
  'dong',
  'homestay',
  'so',
  'hoa',
  'ung',
  'dung',
  'phan',
  'mem',
  'giao',
  'duc',
  'suc',
  'khoe',
  'xuat',
  'khau',
  'thuong',
  'mai',
  'dien',
  'tu',
  'hop',
  'tac',
  'xa',
  'ocop',
  'vung',
  'cao',
  'mien',
  'tay',
  'san',
  'pham',
  'chat',
  'luong',
] as const;

const ticketSteps = [
  50_000_000, 100_000_000, 200_000_000, 500_000_000, 1_000_000_000, 2_000_000_000, 5_000_000_000,
  10_000_000_000, 20_000_000_000, 50_000_000_000,
];

export function randomInvestor(
  random: Random,
  overrides: Partial<InvestorPreferences> = {},
): InvestorPreferences {
  const low = integer(random, 0, ticketSteps.length - 2);
  const high = integer(random, low, ticketSteps.length - 1);
  const sectors = someOf(random, PROJECT_SECTORS, 3, SECTOR_WEIGHTS);
  const provinceCodes = chance(random, 0.4) ? [] : someOf(random, PROVINCE_CODES, 4, PROVINCE_WEIGHTS);
  return {
    investorId: randomUuid(random),
    kind: pick(random, INVESTOR_KINDS),
    sectors,
    excludedSectors: chance(random, 0.2)
      ? someOf(random, PROJECT_SECTORS, 2).filter((sector) => !sectors.includes(sector))
      : [],
    stages: someOf(random, PROJECT_STAGES, 3),
    ticketMin: chance(random, 0.2) ? 0 : ticketSteps[low],
    ticketMax: ticketSteps[high] * integer(random, 1, 2),
    provinceCodes,
    provincesOnly: provinceCodes.length > 0 && chance(random, 0.3),
    targetGroups: someOf(random, TARGET_GROUPS, 2),
    thesisTerms: chance(random, 0.25) ? [] : someOf(random, VOCABULARY, 15),
    ...overrides,
  };
}

export function randomProject(random: Random, overrides: Partial<ProjectFacts> = {}): ProjectFacts {
  const certified = chance(random, 0.15);
  return {
    projectId: randomUuid(random),
    sector: weightedPick(random, PROJECT_SECTORS, SECTOR_WEIGHTS),
    stage: weightedPick(random, PROJECT_STAGES, STAGE_WEIGHTS),
    provinceCode: weightedPick(random, PROVINCE_CODES, PROVINCE_WEIGHTS),
    fundingAsk: integer(random, 1, 400) * 50_000_000,
    targetGroups: someOf(random, TARGET_GROUPS, 2),
    ocopStars: chance(random, 0.3) ? integer(random, 3, 5) : null,
    certificationLevel: certified ? pick(random, CERTIFICATION_LEVELS) : null,
    terms: someOf(random, VOCABULARY, 30),
    trainingCompleted: chance(random, 0.3),
    ...overrides,
  };
}

/** Weights summing to 100, in whole points or halves, as an admin might set them. */
export function randomWeights(random: Random, versionId: string = randomUuid(random)): MatchWeights {
  const raw = [1, 2, 3, 4, 5, 6, 7].map(() => integer(random, 1, 20));
  const total = raw.reduce((sum, value) => sum + value, 0);
  const halves = raw.map((value) => Math.floor((value / total) * 200));
  halves[0] += 200 - halves.reduce((sum, value) => sum + value, 0);
  const [sector, stage, province_region, target_groups, ocop_certification, thesis_text, training] =
    halves.map((value) => value / 2);
  return {
    versionId,
    points: { sector, stage, province_region, target_groups, ocop_certification, thesis_text, training },
  };
}
