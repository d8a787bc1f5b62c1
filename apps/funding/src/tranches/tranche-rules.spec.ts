import { advanceAmount, mainCategory, settlementBalance, stepRefusal } from './tranche-rules.js';

describe('advanceAmount', () => {
  it('is the approved amount times the rate, rounded down to the đồng', () => {
    expect(advanceAmount(300_000_000n, 5_000)).toBe(150_000_000n);
    expect(advanceAmount(333_333_333n, 3_000)).toBe(99_999_999n);
    expect(advanceAmount(1n, 9_999)).toBe(0n);
    expect(advanceAmount(999_999_999_999_999n, 10_000)).toBe(999_999_999_999_999n);
  });

  it('refuses a rate outside 0–100 %', () => {
    expect(() => advanceAmount(100n, 10_001)).toThrow(RangeError);
    expect(() => advanceAmount(100n, -1)).toThrow(RangeError);
    expect(() => advanceAmount(100n, 12.5)).toThrow(RangeError);
  });
});

describe('settlementBalance', () => {
  it('pays the balance when the final amount is above what was paid', () => {
    expect(settlementBalance(280_000_000n, 150_000_000n)).toEqual({ pay: 130_000_000n, returned: 0n });
  });

  it('records a return when more was paid than the final amount', () => {
    expect(settlementBalance(120_000_000n, 150_000_000n)).toEqual({ pay: 0n, returned: 30_000_000n });
  });

  it('moves nothing when they agree', () => {
    expect(settlementBalance(150_000_000n, 150_000_000n)).toEqual({ pay: 0n, returned: 0n });
  });
});

describe('mainCategory', () => {
  it('is the category asking the most, summed over its lines; the first listed wins a tie', () => {
    expect(
      mainCategory([
        { category: 'kc_training', requested: '100', position: 0 },
        { category: 'kc_machinery', requested: '80', position: 1 },
        { category: 'kc_machinery', requested: '30', position: 2 },
      ]),
    ).toBe('kc_machinery');
    expect(
      mainCategory([
        { category: 'kc_training', requested: 50n, position: 1 },
        { category: 'kc_machinery', requested: 50n, position: 0 },
      ]),
    ).toBe('kc_machinery');
    expect(mainCategory([])).toBeNull();
  });
});

describe('stepRefusal', () => {
  it('takes the advance only first, and once', () => {
    expect(stepRefusal('advance', [])).toBeNull();
    expect(stepRefusal('advance', [{ kind: 'advance', status: 'rejected' }])).toBeNull();
    expect(stepRefusal('advance', [{ kind: 'advance', status: 'paid' }])).toBe('out_of_order');
  });

  it('settles only after an approved acceptance, with nothing open, and never twice', () => {
    expect(stepRefusal('settlement', [{ kind: 'advance', status: 'paid' }])).toBe('out_of_order');
    expect(
      stepRefusal('settlement', [
        { kind: 'acceptance', status: 'paid' },
        { kind: 'acceptance', status: 'requested' },
      ]),
    ).toBe('pending');
    expect(stepRefusal('settlement', [{ kind: 'acceptance', status: 'paid' }])).toBeNull();
    expect(
      stepRefusal('acceptance', [
        { kind: 'acceptance', status: 'paid' },
        { kind: 'settlement', status: 'requested' },
      ]),
    ).toBe('settled');
  });
});
