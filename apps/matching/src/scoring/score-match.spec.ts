import type { MatchCriterion } from '@khoinghiep/contracts';
import { investorPreferences, projectFacts, SEEDED_WEIGHTS } from './example-fixtures.js';
import { explainMatch } from './explain-match.js';
import { foldTerms } from './fold-terms.js';
import type { InvestorPreferences, MatchWeights, ProjectFacts } from './match-inputs.js';
import { prepareInvestor, prepareProject } from './prepared.js';
import { scoreMatch } from './score-match.js';

const weights = SEEDED_WEIGHTS;
const investor = investorPreferences;
const project = projectFacts;

const score = (
  investorOverrides: Partial<InvestorPreferences>,
  projectOverrides: Partial<ProjectFacts> = {},
) =>
  scoreMatch(
    prepareInvestor(investor(investorOverrides)),
    prepareProject(project(projectOverrides)),
    weights,
  );

/** Points one criterion gives the pair. */
const points = (
  criterion: MatchCriterion,
  investorOverrides: Partial<InvestorPreferences>,
  projectOverrides: Partial<ProjectFacts> = {},
) => {
  const explained = explainMatch(
    prepareInvestor(investor(investorOverrides)),
    prepareProject(project(projectOverrides)),
    weights,
  );
  if (explained.excluded) throw new Error(`excluded by ${explained.reason}`);
  return explained.criteria.find((score) => score.criterion === criterion)?.points;
};

describe('scoreMatch', () => {
  it('gives 100 to a project that fits the profile on every criterion', () => {
    expect(score({})).toBe(100);
  });

  describe('hard filters', () => {
    it('excludes a project whose ask is outside the ticket, bounds included in it', () => {
      expect(score({}, { fundingAsk: 499_999_999 })).toBeNull();
      expect(score({}, { fundingAsk: 2_000_000_001 })).toBeNull();
      expect(score({}, { fundingAsk: 500_000_000 })).not.toBeNull();
      expect(score({}, { fundingAsk: 2_000_000_000 })).not.toBeNull();
    });

    it('excludes a project in a sector the investor excludes, even when the investor lists no sector', () => {
      expect(score({ sectors: [], excludedSectors: ['tourism'] }, { sector: 'tourism' })).toBeNull();
      expect(score({ sectors: [], excludedSectors: ['tourism'] }, { sector: 'handicrafts' })).not.toBeNull();
    });

    it('excludes a project outside the provinces an investor restricts to, and nothing when none is listed', () => {
      expect(score({ provinceCodes: ['66', '68'], provincesOnly: true }, { provinceCode: '52' })).toBeNull();
      expect(
        score({ provinceCodes: ['66', '68'], provincesOnly: true }, { provinceCode: '68' }),
      ).not.toBeNull();
      expect(score({ provinceCodes: ['66'], provincesOnly: false }, { provinceCode: '01' })).not.toBeNull();
      expect(score({ provinceCodes: [], provincesOnly: true }, { provinceCode: '01' })).not.toBeNull();
    });
  });

  it('sector: full when listed, half when the investor lists none, else nothing', () => {
    expect(points('sector', {})).toBe(25);
    expect(points('sector', { sectors: [] })).toBe(12.5);
    expect(points('sector', { sectors: ['tourism', 'education'] })).toBe(0);
  });

  it('stage: full when listed, half next to a listed stage or when none is listed, else nothing', () => {
    expect(points('stage', { stages: ['prototype', 'growth'] })).toBe(15);
    expect(points('stage', { stages: ['idea'] })).toBe(7.5);
    expect(points('stage', { stages: ['early_revenue'] })).toBe(7.5);
    expect(points('stage', { stages: [] })).toBe(7.5);
    expect(points('stage', { stages: ['growth'] })).toBe(0);
    expect(points('stage', { stages: ['idea'] }, { stage: 'early_revenue' })).toBe(0);
  });

  it('province and region: same province full, same region 60 %, nationwide half, else nothing', () => {
    expect(points('province_region', { provinceCodes: ['01', '66'] })).toBe(15);
    // Lâm Đồng and Đắk Lắk are both in the Central Highlands.
    expect(points('province_region', { provinceCodes: ['68'] })).toBe(9);
    expect(points('province_region', { provinceCodes: [] })).toBe(7.5);
    expect(points('province_region', { provinceCodes: ['01'] })).toBe(0);
    // Hanoi and Hải Phòng share the Red River Delta; Bắc Ninh is placed with the Northern Midlands.
    expect(points('province_region', { provinceCodes: ['01'] }, { provinceCode: '31' })).toBe(9);
    expect(points('province_region', { provinceCodes: ['01'] }, { provinceCode: '24' })).toBe(0);
  });

  it('target groups: full for a group in common, half when the investor states none, else nothing', () => {
    expect(points('target_groups', { targetGroups: ['youth', 'student'] })).toBe(10);
    expect(points('target_groups', { targetGroups: [] })).toBe(5);
    expect(points('target_groups', { targetGroups: ['student'] })).toBe(0);
    expect(points('target_groups', {}, { targetGroups: [] })).toBe(0);
  });

  it('OCOP and certification: the better of the level (1, 0.8, 0.6) and the stars (0.8, 0.6, 0.4)', () => {
    const quality = (facts: Partial<ProjectFacts>) =>
      points('ocop_certification', {}, { ocopStars: null, certificationLevel: null, ...facts });
    expect(quality({ certificationLevel: 'national' })).toBe(10);
    expect(quality({ certificationLevel: 'region' })).toBe(8);
    expect(quality({ certificationLevel: 'province' })).toBe(6);
    expect(quality({ ocopStars: 5 })).toBe(8);
    expect(quality({ ocopStars: 4 })).toBe(6);
    expect(quality({ ocopStars: 3 })).toBe(4);
    expect(quality({ ocopStars: 5, certificationLevel: 'province' })).toBe(8);
    expect(quality({ ocopStars: 3, certificationLevel: 'region' })).toBe(8);
    expect(quality({})).toBe(0);
  });

  describe('thesis text', () => {
    const thesis = (thesisText: string, projectText: string) =>
      points('thesis_text', { thesisTerms: foldTerms(thesisText) }, { terms: foldTerms(projectText) });

    it('gives full points from five words of the thesis found in the project, diacritics folded', () => {
      expect(
        thesis(
          'Cà phê, hồ tiêu, sầu riêng, mắc ca, ca cao ở Tây Nguyên',
          'CA PHE HO TIEU va SAU RIENG xuat khau',
        ),
      ).toBe(15);
    });

    it('gives a share below five words: two of a long thesis give 2/5 of the weight', () => {
      expect(thesis('Nông nghiệp hữu cơ, rau sạch, trái cây xuất khẩu', 'Rau muống thủy canh sạch')).toBe(6);
    });

    it('saturates at the length of a thesis shorter than five words', () => {
      expect(thesis('Gốm Bát Tràng', 'Xưởng gốm Bát Tràng truyền thống')).toBe(15);
      expect(thesis('Gốm Bát Tràng', 'Xưởng gốm Phù Lãng')).toBe(5);
    });

    it('reads only the first 40 words of the thesis', () => {
      const filler = Array.from({ length: 40 }, (_, i) => `tu${i}`);
      const thesisTerms = [...filler, 'dieu'];
      expect(points('thesis_text', { thesisTerms }, { terms: ['dieu', 'tu39'] })).toBe(3);
    });

    it('gives nothing without a thesis or without a common word', () => {
      expect(thesis('', 'Cà phê Đắk Lắk')).toBe(0);
      expect(thesis('Du lịch cộng đồng', 'Cà phê Đắk Lắk')).toBe(0);
    });
  });

  it('training: full once completed, nothing when not (or not known)', () => {
    expect(points('training', {}, { trainingCompleted: true })).toBe(10);
    expect(points('training', {}, { trainingCompleted: false })).toBe(0);
  });

  it('rounds each criterion to two decimals and adds the rounded points', () => {
    const odd: MatchWeights = {
      versionId: weights.versionId,
      points: { ...weights.points, thesis_text: 14.33, stage: 15.67 },
    };
    const pair = [
      prepareInvestor(investor({ thesisTerms: ['ca', 'phe', 'sau', 'rieng', 'ho', 'tieu'], stages: [] })),
      prepareProject(project({ terms: ['ca', 'phe', 'dak', 'lak'] })),
    ] as const;
    const explained = explainMatch(pair[0], pair[1], odd);
    if (explained.excluded) throw new Error('excluded');
    const byCriterion = Object.fromEntries(explained.criteria.map((c) => [c.criterion, c.points]));
    expect(byCriterion.thesis_text).toBe(5.73); // 14.33 × 2/5 = 5.732
    expect(byCriterion.stage).toBe(7.84); // 15.67 × 0.5 = 7.835
    expect(scoreMatch(pair[0], pair[1], odd)).toBe(explained.score);
    // Added as floating-point numbers these would make 83.57000000000001; added as hundredths, 83.57.
    expect(explained.score).toBe(83.57);
  });
});
