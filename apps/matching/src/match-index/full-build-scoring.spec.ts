import { describe, expect, it } from '@jest/globals';
import type { ProjectFacts } from '../scoring/match-inputs.js';
import { prepareInvestor, prepareProject } from '../scoring/prepared.js';
import { randomInvestor, randomProject, randomWeights, seededRandom } from '../scoring/random-fixtures.js';
import { TopK } from '../scoring/ranking.js';
import { scoreMatch } from '../scoring/score-match.js';
import {
  entryOf,
  mergeInvestorBest,
  passInvestors,
  type ScoringSetup,
  scoreProjects,
  scoringHere,
} from './full-build-scoring.js';
import type { ProjectFactsRow } from './scoring-rows.js';

const random = seededRandom(2026);
const LIST_SIZE = 5;
const setup: ScoringSetup = {
  investors: Array.from({ length: 40 }, () => randomInvestor(random)),
  weights: randomWeights(random),
  listSize: LIST_SIZE,
};
const projects = Array.from({ length: 120 }, () => randomProject(random));

/** A catalogue row as the full build reads it (words as one text). */
const rowOf = (facts: ProjectFacts): ProjectFactsRow => ({
  project_id: facts.projectId,
  sector: facts.sector,
  stage: facts.stage,
  province_code: facts.provinceCode,
  funding_ask: facts.fundingAsk,
  target_groups: [...facts.targetGroups],
  ocop_stars: facts.ocopStars,
  certification_level: facts.certificationLevel,
  terms: facts.terms.join(' '),
  training_completed: facts.trainingCompleted,
});
const rows = projects.map(rowOf);

/** Every pair scored, each side's best LIST_SIZE: what a full build must produce. */
function bruteForce() {
  const investors = setup.investors.map(prepareInvestor);
  const prepared = projects.map(prepareProject);
  const best = (offers: [string, number | null][]) => {
    const top = new TopK<null>(LIST_SIZE);
    for (const [id, score] of offers) if (score !== null) top.offer(id, score, null);
    return top.sorted().map(entryOf);
  };
  return {
    projects: prepared.map((project) => ({
      owner: project.facts.projectId,
      matches: best(
        investors.map((investor) => [
          investor.preferences.investorId,
          scoreMatch(investor, project, setup.weights),
        ]),
      ),
    })),
    investors: investors.map((investor) =>
      best(
        prepared.map((project) => [project.facts.projectId, scoreMatch(investor, project, setup.weights)]),
      ),
    ),
  };
}

describe('the scoring of a full build', () => {
  it('gives every project and every investor the best matches that scoring every pair gives', async () => {
    const scoring = scoringHere(setup);
    // In batches, as the build reads the catalogue.
    const lists = [
      ...(await scoring.scoreProjects(rows.slice(0, 50))),
      ...(await scoring.scoreProjects(rows.slice(50))),
    ];
    const expected = bruteForce();
    expect(lists).toEqual(expected.projects);
    expect(await scoring.investorLists()).toEqual(expected.investors);
    expect(expected.investors.filter((list) => list.length === LIST_SIZE).length).toBeGreaterThan(20);
  });

  it('merges passes over disjoint parts of the catalogue into the same investor lists (threads)', () => {
    const parts = [rows.slice(0, 40), rows.slice(40, 90), rows.slice(90)].map((part) => {
      const investors = passInvestors(setup);
      scoreProjects(investors, part, setup.weights, LIST_SIZE);
      return investors.map((investor) => investor.best.sorted().map(entryOf));
    });
    expect(mergeInvestorBest(parts, setup.investors.length, LIST_SIZE)).toEqual(bruteForce().investors);
  });
});
