import { MATCH_CRITERIA, type MatchCriterion } from '@khoinghiep/contracts';
import { investorPreferences, projectFacts, SEEDED_WEIGHTS } from './example-fixtures.js';
import { explainMatch } from './explain-match.js';
import { foldTerms } from './fold-terms.js';
import type { CriterionScore, ExplainedMatch, InvestorPreferences, ProjectFacts } from './match-inputs.js';
import { prepareInvestor, prepareProject } from './prepared.js';
import { randomInvestor, randomProject, randomWeights, seededRandom } from './random-fixtures.js';
import { scoreMatch } from './score-match.js';

const explain = (investor: Partial<InvestorPreferences> = {}, project: Partial<ProjectFacts> = {}) =>
  explainMatch(
    prepareInvestor(investorPreferences(investor)),
    prepareProject(projectFacts(project)),
    SEEDED_WEIGHTS,
  );

const included = (explained: ExplainedMatch) => {
  if (explained.excluded) throw new Error(`excluded by ${explained.reason}`);
  return explained;
};

const criterion = (
  name: MatchCriterion,
  investor: Partial<InvestorPreferences> = {},
  project: Partial<ProjectFacts> = {},
): CriterionScore => {
  const found = included(explain(investor, project)).criteria.find((score) => score.criterion === name);
  if (!found) throw new Error(`no ${name}`);
  return found;
};

describe('explainMatch', () => {
  it('gives one score per criterion, in the order of MATCH_CRITERIA, with its weight, and the weights version', () => {
    const explained = included(explain());
    expect(explained.criteria.map((score) => [score.criterion, score.weight])).toEqual(
      MATCH_CRITERIA.map((name) => [name, SEEDED_WEIGHTS.points[name]]),
    );
    expect(explained.weightsVersionId).toBe(SEEDED_WEIGHTS.versionId);
    expect(explained.score).toBe(100);
  });

  it('says the sector in both languages, with both sides compared', () => {
    expect(criterion('sector', { sectors: ['agriculture_food', 'tourism'] })).toEqual({
      criterion: 'sector',
      weight: 25,
      points: 25,
      investorSide: 'agriculture_food, tourism',
      projectSide: 'agriculture_food',
      explanation: { vi: 'Cùng lĩnh vực Nông nghiệp – thực phẩm', en: 'Same sector: agriculture and food' },
    });
    expect(criterion('sector', { sectors: [] }).explanation.en).toBe(
      'The investor takes any sector; the project is in agriculture and food',
    );
  });

  it('says why a ticket lets the project in, in short money phrases', () => {
    expect(included(explain()).filters).toEqual([
      {
        filter: 'ticket',
        explanation: {
          vi: 'Ticket 500 triệu–2 tỷ ₫ bao trùm số vốn cần 1,5 tỷ ₫',
          en: 'Ticket ₫500 million–₫2 billion covers the ask of ₫1.5 billion',
        },
      },
    ]);
  });

  it('lists the sector and province filters when the profile sets them', () => {
    const filters = included(explain({ excludedSectors: ['tourism'], provincesOnly: true })).filters;
    expect(filters.map((check) => check.filter)).toEqual(['ticket', 'excluded_sector', 'province']);
    expect(filters[2].explanation.vi).toBe('Dự án ở Tỉnh Đắk Lắk, trong các tỉnh, thành nhà đầu tư giới hạn');
  });

  it('says which hard filter excludes a project, and gives no score', () => {
    expect(explain({}, { fundingAsk: 3_000_000_000 })).toEqual({
      excluded: true,
      reason: 'ticket',
      explanation: {
        vi: 'Số vốn cần 3 tỷ ₫ nằm ngoài ticket 500 triệu–2 tỷ ₫',
        en: 'The ask of ₫3 billion is outside the ticket ₫500 million–₫2 billion',
      },
    });
    expect(explain({ excludedSectors: ['agriculture_food'], sectors: [] })).toMatchObject({
      excluded: true,
      reason: 'excluded_sector',
      explanation: { en: 'The investor excludes the sector agriculture and food' },
    });
    expect(explain({ provinceCodes: ['01'], provincesOnly: true })).toMatchObject({
      excluded: true,
      reason: 'province',
      explanation: { vi: 'Nhà đầu tư chỉ đầu tư tại các tỉnh, thành đã chọn; dự án ở Tỉnh Đắk Lắk' },
    });
  });

  it('names the stage next to the ones backed', () => {
    expect(criterion('stage', { stages: ['idea'] })).toMatchObject({
      points: 7.5,
      investorSide: 'idea',
      projectSide: 'prototype',
      explanation: {
        vi: 'Giai đoạn Sản phẩm mẫu liền kề giai đoạn nhà đầu tư quan tâm (Ý tưởng)',
        en: 'The stage prototype is next to one the investor backs (idea)',
      },
    });
  });

  it('names the shared region, and a nationwide investor', () => {
    expect(criterion('province_region', { provinceCodes: ['68'] })).toMatchObject({
      points: 9,
      investorSide: '68',
      projectSide: '66',
      explanation: {
        vi: 'Cùng vùng Tây Nguyên: dự án ở Tỉnh Đắk Lắk',
        en: 'Same region, Central Highlands: the project is in Dak Lak',
      },
    });
    expect(criterion('province_region', { provinceCodes: [] }).investorSide).toBe('nationwide');
  });

  it('names the target groups in common', () => {
    expect(criterion('target_groups', { targetGroups: ['youth', 'student'] }).explanation).toEqual({
      vi: 'Cùng nhóm đối tượng: Thanh niên',
      en: 'Shared target group: youth',
    });
  });

  it('names the better of certification and OCOP stars, and what it is worth', () => {
    expect(criterion('ocop_certification', {}, { ocopStars: 4, certificationLevel: 'region' })).toMatchObject(
      {
        points: 8,
        projectSide: 'ocop 4, region',
        explanation: {
          vi: 'Sản phẩm CNNT tiêu biểu cấp khu vực: 80 % số điểm (tốt hơn OCOP 4 sao)',
          en: 'Regional typical rural industrial product: 80 % of the points (better than OCOP 4-star product)',
        },
      },
    );
    expect(
      criterion('ocop_certification', {}, { ocopStars: 5, certificationLevel: 'province' }).explanation,
    ).toEqual({
      vi: 'OCOP 5 sao: 80 % số điểm (tốt hơn sản phẩm CNNT tiêu biểu cấp tỉnh)',
      en: 'OCOP 5-star product: 80 % of the points (better than provincial typical rural industrial product)',
    });
    expect(
      criterion('ocop_certification', {}, { ocopStars: null, certificationLevel: null }).explanation.en,
    ).toBe('No OCOP stars and no typical rural industrial product certificate');
  });

  it('lists up to five thesis words found in the project, and says when there is no thesis', () => {
    const thesis = criterion(
      'thesis_text',
      { thesisTerms: foldTerms('Cà phê, hồ tiêu, sầu riêng, mắc ca, ca cao và chè') },
      { terms: foldTerms('Cà phê hồ tiêu sầu riêng mắc ca cao chè') },
    );
    expect(thesis.points).toBe(15);
    expect(thesis.explanation.en).toBe(
      "9 words of the thesis appear in the project's title and summary (full points from 5): ca, phe, ho, tieu, sau",
    );
    expect(criterion('thesis_text', { thesisTerms: [] })).toMatchObject({
      points: 0,
      explanation: { vi: 'Nhà đầu tư chưa viết luận điểm đầu tư nên không so được nội dung' },
    });
  });

  it('says that training is not yet completed, or not known', () => {
    expect(criterion('training', {}, { trainingCompleted: false })).toMatchObject({
      points: 0,
      projectSide: 'not_completed',
      explanation: { en: 'The founding team has not completed startup training (or it is not known)' },
    });
  });

  it('agrees with scoreMatch, and its criteria add up to its score, over many random pairs and weights', () => {
    const random = seededRandom(8);
    const disagreements: unknown[] = [];
    let scored = 0;
    for (let round = 0; round < 20; round++) {
      const weights = randomWeights(random);
      const investors = Array.from({ length: 40 }, () => prepareInvestor(randomInvestor(random)));
      const projects = Array.from({ length: 40 }, () => prepareProject(randomProject(random)));
      for (const investor of investors) {
        for (const project of projects) {
          const score = scoreMatch(investor, project, weights);
          const explained = explainMatch(investor, project, weights);
          const explainedScore = explained.excluded ? null : explained.score;
          const sum = explained.excluded
            ? null
            : explained.criteria.reduce((total, { points }) => total + Math.round(points * 100), 0) / 100;
          if (explainedScore !== score || sum !== score) disagreements.push({ score, explained, weights });
          if (score !== null) scored++;
        }
      }
    }
    expect(disagreements).toEqual([]);
    expect(scored).toBeGreaterThan(5000);
  });
});
