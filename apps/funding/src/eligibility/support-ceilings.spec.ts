import { type CeilingInForce, checkCeilings, requestsByCategory } from './support-ceilings.js';

const VERSION = '0190f9a8-0000-7000-8000-00000000c028';
const ceiling = (amountCap: bigint | null, shareOfCostBp: number | null): CeilingInForce => ({
  amountCap,
  shareOfCostBp,
  versionId: VERSION,
  legalSourceNumber: '28/2018/TT-BTC',
});

describe('support ceilings at submission', () => {
  it('sums each category across its lines, naming the first line of it', () => {
    expect(
      requestsByCategory([
        { category: 'kc_trade_fair', cost: 10n, requested: 5n },
        { category: 'kc_machinery', cost: 100n, requested: 60n },
        { category: 'kc_machinery', cost: 50n, requested: 40n },
      ]),
    ).toEqual([
      { category: 'kc_trade_fair', firstLine: 0, cost: 10n, requested: 5n },
      { category: 'kc_machinery', firstLine: 1, cost: 150n, requested: 100n },
    ]);
  });

  it('allows exactly the absolute ceiling and refuses one đồng more, naming the line and the legal source', () => {
    const ceilings = new Map([['kc_machinery' as const, ceiling(300_000_000n, null)]]);
    const at = checkCeilings(
      [{ category: 'kc_machinery', firstLine: 0, cost: 450_000_000n, requested: 300_000_000n }],
      ceilings,
    );
    expect(at.problems).toEqual([]);
    expect(at.outcomes).toEqual([
      expect.objectContaining({ rule: 'support_ceiling', ruleVersion: VERSION, passed: true }),
    ]);
    const over = checkCeilings(
      [{ category: 'kc_machinery', firstLine: 2, cost: 450_000_000n, requested: 300_000_001n }],
      ceilings,
    );
    expect(over.problems).toEqual([
      expect.objectContaining({
        field: 'budgetLines[2].requested',
        params: expect.objectContaining({ limit: '300000000', source: '28/2018/TT-BTC' }),
      }),
    ]);
  });

  it('applies the lower of the absolute cap and the share of cost', () => {
    // Province 66: demonstration model ≤ 30 % and ≤ 800 million ₫.
    const ceilings = new Map([['kc_demonstration_model' as const, ceiling(800_000_000n, 3000)]]);
    const cheap = { category: 'kc_demonstration_model' as const, firstLine: 0, cost: 1_000_000_000n };
    expect(checkCeilings([{ ...cheap, requested: 300_000_000n }], ceilings).problems).toEqual([]);
    expect(checkCeilings([{ ...cheap, requested: 300_000_001n }], ceilings).problems).toHaveLength(1);
    const dear = { ...cheap, cost: 5_000_000_000n };
    expect(checkCeilings([{ ...dear, requested: 800_000_000n }], ceilings).problems).toEqual([]);
    expect(checkCeilings([{ ...dear, requested: 800_000_001n }], ceilings).problems).toHaveLength(1);
  });

  it('says so when no ceiling is in force for a category', () => {
    const check = checkCeilings(
      [{ category: 'kc_trade_fair', firstLine: 0, cost: 10n, requested: 10n }],
      new Map(),
    );
    expect(check.outcomes).toEqual([expect.objectContaining({ ruleVersion: 'none', passed: true })]);
    expect(check.outcomes[0]?.reason.en).toBe('No support ceiling is in force for kc_trade_fair.');
  });
});
