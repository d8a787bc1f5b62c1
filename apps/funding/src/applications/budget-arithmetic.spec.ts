import {
  categoryProblems,
  type LineAmounts,
  lineProblems,
  submissionProblems,
  totalsOf,
} from './budget-arithmetic.js';

const line = (
  cost: bigint,
  requested: bigint,
  ownContribution: bigint,
  category = 'kc_machinery',
): LineAmounts => ({
  category: category as LineAmounts['category'],
  cost,
  requested,
  ownContribution,
});

describe('budget line arithmetic', () => {
  it('sums lines exactly beyond the range of a float', () => {
    const big = 999_999_999_999_999n;
    expect(totalsOf([line(big, big - 1n, 1n), line(big, 0n, big)])).toEqual({
      cost: 2n * big,
      requested: big - 1n,
      ownContribution: big + 1n,
    });
  });

  it('accepts requested + own contribution equal to the cost, refuses one đồng more, naming the line', () => {
    expect(lineProblems([line(450_000_000n, 300_000_000n, 150_000_000n)])).toEqual([]);
    const problems = lineProblems([line(1n, 0n, 0n), line(450_000_000n, 300_000_000n, 150_000_001n)]);
    expect(problems.map((problem) => problem.field)).toEqual(['budgetLines[1].requested']);
    expect(problems[0]?.params).toEqual({ requested: '300000000', own: '150000001', cost: '450000000' });
  });

  it('refuses a line costing nothing', () => {
    expect(lineProblems([line(0n, 0n, 0n)]).map((problem) => problem.field)).toEqual(['budgetLines[0].cost']);
  });

  it('names lines whose category the call does not fund', () => {
    const problems = categoryProblems(
      [line(10n, 5n, 5n, 'kc_machinery'), line(10n, 5n, 5n, 'kc_trade_fair')],
      ['kc_machinery'],
    );
    expect(problems.map((problem) => problem.field)).toEqual(['budgetLines[1].category']);
  });

  it('asks a submission for at least one line and a co-financing split equal to the lines', () => {
    expect(submissionProblems([], { central: 0n, provincial: 0n, own: 0n }).map((p) => p.field)).toEqual([
      'budgetLines',
    ]);
    const lines = [line(450n, 300n, 150n), line(100n, 50n, 50n)];
    expect(submissionProblems(lines, { central: 100n, provincial: 250n, own: 200n })).toEqual([]);
    expect(
      submissionProblems(lines, { central: 100n, provincial: 251n, own: 199n }).map(
        (problem) => problem.field,
      ),
    ).toEqual(['coFinancing', 'coFinancing.own']);
  });
});
