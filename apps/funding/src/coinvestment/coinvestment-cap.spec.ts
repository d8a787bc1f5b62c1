import { checkCoinvestmentCap, coinvestmentCap } from './coinvestment-cap.js';

describe('co-investment cap (Decree 38/2018: at most 30 % of the private funds)', () => {
  it('is 30 % of the sum of every private amount', () => {
    expect(coinvestmentCap([2_000_000_000n, 1_000_000_000n], 3000)).toBe(900_000_000n);
  });

  it('rounds down, so the state never exceeds its share by a đồng', () => {
    expect(coinvestmentCap([10n], 3000)).toBe(3n);
    expect(coinvestmentCap([1_000_000_001n], 3000)).toBe(300_000_000n);
  });

  it('stays exact beyond the safe integers of a float', () => {
    expect(coinvestmentCap([9_007_199_254_740_993n], 3000)).toBe(2_702_159_776_422_297n);
  });

  it('allows exactly the cap and refuses one đồng over it, naming the private total and the cap', () => {
    const privateAmounts = [1_000_000_000n, 500_000_000n];
    expect(checkCoinvestmentCap({ privateAmounts, capBp: 3000, amount: 450_000_000n })).toEqual({
      ok: true,
      privateTotal: 1_500_000_000n,
      cap: 450_000_000n,
    });
    expect(checkCoinvestmentCap({ privateAmounts, capBp: 3000, amount: 450_000_001n })).toEqual({
      ok: false,
      kind: 'over_cap',
      privateTotal: 1_500_000_000n,
      cap: 450_000_000n,
    });
  });

  it('refuses any co-investment without a private fund beside it', () => {
    expect(checkCoinvestmentCap({ privateAmounts: [], capBp: 3000, amount: 1n })).toEqual({
      ok: false,
      kind: 'no_private_fund',
    });
  });

  it('refuses basis points that are not a whole non-negative number', () => {
    expect(() => coinvestmentCap([1n], -1)).toThrow(RangeError);
    expect(() => coinvestmentCap([1n], 29.5)).toThrow(RangeError);
  });
});
