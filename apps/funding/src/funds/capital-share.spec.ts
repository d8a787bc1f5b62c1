import { type CapitalBySource, capitalOf, checkCapitalShare, totalCapital } from './capital-share.js';

const DECREE_264 = { basisPoints: 4900, ruleVersionId: 'venture-fund-cap@2025' };

const capital = (provincial: bigint, privateCapital: bigint, others: Partial<CapitalBySource> = {}) => ({
  central_budget: 0n,
  association: 0n,
  ...others,
  provincial_budget: provincial,
  private: privateCapital,
});

describe('the capital-share rule of a provincial venture fund', () => {
  it('accepts a provincial budget of exactly 49 % of the capital', () => {
    expect(checkCapitalShare(capital(49_000_000_000n, 51_000_000_000n), DECREE_264)).toEqual({ ok: true });
  });

  it('refuses one đồng over 49 %, naming the share, the cap and the rule version', () => {
    expect(checkCapitalShare(capital(49_000_000_001n, 50_999_999_999n), DECREE_264)).toEqual({
      ok: false,
      sharePercent: '49.01',
      capPercent: '49.00',
      ruleVersionId: 'venture-fund-cap@2025',
    });
  });

  it('counts every source in the total, central budget and association included', () => {
    const mixed = capital(49n, 1n, { central_budget: 25n, association: 25n });
    expect(totalCapital(mixed)).toBe(100n);
    expect(checkCapitalShare(mixed, DECREE_264).ok).toBe(true);
    expect(checkCapitalShare(capital(50n, 50n), DECREE_264).ok).toBe(false);
  });

  it('is exact beyond the precision of a float (15-digit amounts)', () => {
    const total = 999_999_999_999_999n;
    const atCap = (total * 49n) / 100n;
    expect(checkCapitalShare(capital(atCap, total - atCap), DECREE_264).ok).toBe(true);
    expect(checkCapitalShare(capital(atCap + 1n, total - atCap - 1n), DECREE_264).ok).toBe(false);
  });

  it('lets anything through when no cap applies to the fund, and an empty fund through any cap', () => {
    expect(checkCapitalShare(capital(100n, 0n), null)).toEqual({ ok: true });
    expect(checkCapitalShare(capital(0n, 0n), DECREE_264)).toEqual({ ok: true });
  });

  it('reads capital by source from the API shape, sources left out being 0', () => {
    expect(capitalOf([{ source: 'private', amount: '51000000000' }])).toEqual({
      central_budget: 0n,
      provincial_budget: 0n,
      private: 51_000_000_000n,
      association: 0n,
    });
  });
});
