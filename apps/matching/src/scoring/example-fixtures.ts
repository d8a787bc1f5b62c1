import { foldTerms } from './fold-terms.js';
import type { InvestorPreferences, MatchWeights, ProjectFacts } from './match-inputs.js';

// A pair that fits on every criterion (score 100 with the seeded weights), for tests to vary one fact at a time.

/** The weights the foundation migration seeds. */
export const SEEDED_WEIGHTS: MatchWeights = {
  versionId: '6a1f0c6e-3d0b-4f7e-9a55-2b1f8c0d9e01',
  points: {
    sector: 25,
    stage: 15,
    province_region: 15,
    target_groups: 10,
    ocop_certification: 10,
    thesis_text: 15,
    training: 10,
  },
};

/** An angel in Đắk Lắk backing speciality coffee at the prototype stage, 500 million to 2 billion đồng. */
export const investorPreferences = (overrides: Partial<InvestorPreferences> = {}): InvestorPreferences => ({
  investorId: '11111111-1111-4111-8111-111111111111',
  kind: 'angel',
  sectors: ['agriculture_food'],
  excludedSectors: [],
  stages: ['prototype'],
  ticketMin: 500_000_000,
  ticketMax: 2_000_000_000,
  provinceCodes: ['66'],
  provincesOnly: false,
  targetGroups: ['women_led'],
  thesisTerms: foldTerms('Cà phê đặc sản Tây Nguyên, chế biến sâu'),
  ...overrides,
});

/** A women-led coffee roastery in Đắk Lắk asking 1.5 billion đồng, nationally certified, training completed. */
export const projectFacts = (overrides: Partial<ProjectFacts> = {}): ProjectFacts => ({
  projectId: '22222222-2222-4222-8222-222222222222',
  sector: 'agriculture_food',
  stage: 'prototype',
  provinceCode: '66',
  fundingAsk: 1_500_000_000,
  targetGroups: ['women_led', 'youth'],
  ocopStars: null,
  certificationLevel: 'national',
  terms: foldTerms('Chế biến cà phê đặc sản Đắk Lắk theo chuẩn Tây Nguyên sạch'),
  trainingCompleted: true,
  ...overrides,
});
