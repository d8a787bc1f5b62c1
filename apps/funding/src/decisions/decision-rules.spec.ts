import { allowedByCeilings, type CategoryCeiling, ceilingLimit, checkApproval } from './decision-rules.js';

const category = (over: Partial<CategoryCeiling> = {}): CategoryCeiling => ({
  category: 'kc_machinery',
  cost: 1_000_000_000n,
  requested: 400_000_000n,
  ceiling: null,
  ...over,
});

describe('ceilingLimit', () => {
  it('takes the lower of the absolute cap and the share of the cost', () => {
    expect(
      ceilingLimit(category({ ceiling: { amountCap: 300_000_000n, shareOfCostBp: 5_000, versionId: 'v1' } })),
    ).toBe(300_000_000n);
    expect(
      ceilingLimit(category({ ceiling: { amountCap: 900_000_000n, shareOfCostBp: 5_000, versionId: 'v1' } })),
    ).toBe(500_000_000n);
    expect(
      ceilingLimit(category({ ceiling: { amountCap: null, shareOfCostBp: 3_000, versionId: 'v1' } })),
    ).toBe(300_000_000n);
  });

  it('has no limit when no ceiling is in force', () => {
    expect(ceilingLimit(category())).toBeNull();
  });
});

describe('allowedByCeilings', () => {
  it('sums per category the lower of the request and its ceiling, naming each version once', () => {
    const result = allowedByCeilings([
      category({ ceiling: { amountCap: 300_000_000n, shareOfCostBp: null, versionId: 'ceiling-a' } }),
      category({
        category: 'kc_training',
        cost: 100_000_000n,
        requested: 50_000_000n,
        ceiling: { amountCap: 80_000_000n, shareOfCostBp: null, versionId: 'ceiling-b' },
      }),
      category({ category: 'kc_branding', requested: 10_000_000n }),
    ]);
    expect(result).toEqual({ allowed: 360_000_000n, ruleVersionIds: ['ceiling-a', 'ceiling-b'] });
  });
});

describe('checkApproval', () => {
  const terms = {
    requested: 500n,
    asked: null,
    allowedByCeilings: 500n,
    approverLimit: 1_000n,
    remaining: 10_000n,
  };

  it('approves as requested when no amount is given', () => {
    expect(checkApproval(terms)).toEqual({ ok: true, amount: 500n });
  });

  it('approves a lower amount than requested', () => {
    expect(checkApproval({ ...terms, asked: 200n })).toEqual({ ok: true, amount: 200n });
  });

  it.each([
    ['above the request', { asked: 501n }, 'over_requested'],
    ['above the ceilings in force', { allowedByCeilings: 400n }, 'over_ceiling'],
    ['above the approver limit', { approverLimit: 499n }, 'over_limit'],
    ['with no limit ever set', { approverLimit: null }, 'over_limit'],
    ['above what is left of the call', { remaining: 499n }, 'over_budget'],
  ] as const)('refuses an amount %s', (_name, over, kind) => {
    expect(checkApproval({ ...terms, ...over })).toMatchObject({ ok: false, kind });
  });

  it('accepts an amount exactly at every bound', () => {
    expect(
      checkApproval({
        requested: 500n,
        asked: null,
        allowedByCeilings: 500n,
        approverLimit: 500n,
        remaining: 500n,
      }),
    ).toEqual({ ok: true, amount: 500n });
  });

  it('names the amount itself before who approves and what is left', () => {
    expect(checkApproval({ ...terms, asked: 600n, approverLimit: 1n, remaining: 0n })).toMatchObject({
      kind: 'over_requested',
    });
  });
});
