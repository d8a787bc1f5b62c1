import {
  CERTIFICATION_LEVELS,
  MATCH_CRITERIA,
  PROJECT_SECTORS,
  PROJECT_STAGES,
  PROVINCE_CODES,
} from '@khoinghiep/contracts';
import { randomInvestor, randomProject, randomWeights, seededRandom } from './random-fixtures.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('random fixtures', () => {
  it('are the same for the same seed and differ for another', () => {
    const draw = (seed: number) => {
      const random = seededRandom(seed);
      return [randomInvestor(random), randomProject(random), randomWeights(random)];
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('draw valid profiles, projects and weights that sum to 100', () => {
    const random = seededRandom(7);
    for (let i = 0; i < 200; i++) {
      const investor = randomInvestor(random);
      const project = randomProject(random);
      const weights = randomWeights(random);
      expect(investor.investorId).toMatch(UUID);
      expect(project.projectId).toMatch(UUID);
      expect(investor.ticketMin).toBeLessThanOrEqual(investor.ticketMax);
      expect(investor.excludedSectors.filter((sector) => investor.sectors.includes(sector))).toEqual([]);
      for (const code of investor.provinceCodes) expect(PROVINCE_CODES).toContain(code);
      expect(PROVINCE_CODES).toContain(project.provinceCode);
      expect(PROJECT_SECTORS).toContain(project.sector);
      expect(PROJECT_STAGES).toContain(project.stage);
      expect([null, 3, 4, 5]).toContain(project.ocopStars);
      expect([null, ...CERTIFICATION_LEVELS]).toContain(project.certificationLevel);
      expect(Number.isSafeInteger(project.fundingAsk) && project.fundingAsk > 0).toBe(true);
      expect(MATCH_CRITERIA.reduce((sum, criterion) => sum + weights.points[criterion], 0)).toBe(100);
    }
  });
});
