import { explainMatch } from './explain-match.js';
import { prepareInvestor, prepareProject } from './prepared.js';
import { randomInvestor, randomProject, randomWeights, seededRandom } from './random-fixtures.js';
import { scoreMatch } from './score-match.js';

describe('explainMatch and scoreMatch', () => {
  it('give the same score, and the criteria add up to it, over many random pairs and weights', () => {
    const random = seededRandom(8);
    let scored = 0;
    for (let round = 0; round < 20; round++) {
      const weights = randomWeights(random);
      const investors = Array.from({ length: 40 }, () => prepareInvestor(randomInvestor(random)));
      const projects = Array.from({ length: 40 }, () => prepareProject(randomProject(random)));
      for (const investor of investors) {
        for (const project of projects) {
          const score = scoreMatch(investor, project, weights);
          const explained = explainMatch(investor, project, weights);
          if (explained.excluded) {
            expect(score).toBeNull();
            continue;
          }
          scored++;
          expect(explained.score).toBe(score);
          const hundredths = explained.criteria.reduce(
            (sum, criterion) => sum + Math.round(criterion.points * 100),
            0,
          );
          expect(hundredths).toBe(Math.round(explained.score * 100));
        }
      }
    }
    expect(scored).toBeGreaterThan(5000);
  });
});
