import {
  ceilingFor,
  type DatedVersion,
  dayOf,
  isInForce,
  resolveVersion,
  shareOf,
} from './rule-resolution.js';

let sequence = 0;
const version = (overrides: Partial<DatedVersion> = {}): DatedVersion => {
  sequence += 1;
  return {
    id: `00000000-0000-7000-8000-${String(sequence).padStart(12, '0')}`,
    provinceCode: null,
    effectiveFrom: '2018-05-12',
    effectiveUntil: null,
    recordedAt: new Date('2026-01-01T00:00:00Z'),
    ...overrides,
  };
};

describe('resolving the rule version that applies', () => {
  const national2018 = version({ effectiveFrom: '2018-05-12' });
  const national2026 = version({ effectiveFrom: '2026-01-01' });
  const dakLak2025 = version({ provinceCode: '66', effectiveFrom: '2025-01-01' });
  const all = [national2018, national2026, dakLak2025];

  it('takes the newest national version in force when the province has none of its own', () => {
    expect(resolveVersion(all, '79', '2025-06-30')).toBe(national2018);
    expect(resolveVersion(all, '79', '2026-01-01')).toBe(national2026);
    expect(resolveVersion(all, null, '2026-03-01')).toBe(national2026);
  });

  it("lets the province's own version win over a newer national one", () => {
    expect(resolveVersion(all, '66', '2025-01-01')).toBe(dakLak2025);
    expect(resolveVersion(all, '66', '2026-06-01')).toBe(dakLak2025);
  });

  it("falls back to the national rule before the province's version starts", () => {
    expect(resolveVersion(all, '66', '2024-12-31')).toBe(national2018);
  });

  it('finds nothing before the first version starts', () => {
    expect(resolveVersion(all, null, '2018-05-11')).toBeNull();
    expect(resolveVersion([], '66', '2026-01-01')).toBeNull();
  });

  it('keeps the end day in force and drops the version the day after, falling back to the older one', () => {
    const temporary = version({ effectiveFrom: '2027-01-01', effectiveUntil: '2027-12-31' });
    const versions = [national2018, temporary];
    expect(resolveVersion(versions, null, '2027-12-31')).toBe(temporary);
    expect(resolveVersion(versions, null, '2028-01-01')).toBe(national2018);
  });

  it("falls back to the national rule once the province's version has ended", () => {
    const ended = version({ provinceCode: '66', effectiveFrom: '2025-01-01', effectiveUntil: '2025-12-31' });
    expect(resolveVersion([national2018, ended], '66', '2026-01-01')).toBe(national2018);
  });

  it('prefers, for the same start, the version recorded last (a correction)', () => {
    const first = version({ effectiveFrom: '2026-01-01', recordedAt: new Date('2026-01-02T00:00:00Z') });
    const correction = version({ effectiveFrom: '2026-01-01', recordedAt: new Date('2026-02-02T00:00:00Z') });
    expect(resolveVersion([correction, first], null, '2026-03-01')).toBe(correction);
    expect(resolveVersion([first, correction], null, '2026-03-01')).toBe(correction);
  });

  it('never applies another province’s version', () => {
    expect(resolveVersion([dakLak2025], '79', '2026-01-01')).toBeNull();
    expect(resolveVersion([dakLak2025], null, '2026-01-01')).toBeNull();
  });
});

describe('days', () => {
  it('reads an instant as the calendar day in Vietnam (UTC+7)', () => {
    expect(dayOf(new Date('2025-12-31T16:59:59Z'))).toBe('2025-12-31');
    expect(dayOf(new Date('2025-12-31T17:00:00Z'))).toBe('2026-01-01');
    expect(dayOf('2026-02-03')).toBe('2026-02-03');
  });

  it('counts the first and the last day as in force', () => {
    const bounded = version({ effectiveFrom: '2026-01-01', effectiveUntil: '2026-01-31' });
    expect(
      ['2025-12-31', '2026-01-01', '2026-01-31', '2026-02-01'].map((day) => isInForce(bounded, day)),
    ).toEqual([false, true, true, false]);
  });
});

describe('amounts under a cap', () => {
  it('rounds a share down to the đồng, so a cap is never exceeded', () => {
    expect(shareOf(1_000_000_001n, 3000)).toBe(300_000_000n);
    expect(shareOf(999n, 4900)).toBe(489n);
  });

  it('takes the lowest of the cost, the absolute ceiling and the share of the cost', () => {
    // Demonstration model: ≤ 30 % and ≤ 1,000 million ₫.
    const model = { amountCap: 1_000_000_000n, shareOfCostBp: 3000 };
    expect(ceilingFor(2_000_000_000n, model)).toBe(600_000_000n);
    expect(ceilingFor(5_000_000_000n, model)).toBe(1_000_000_000n);
    expect(ceilingFor(5_000_000n, { amountCap: 10_000_000n, shareOfCostBp: null })).toBe(5_000_000n);
  });

  it('keeps whole-đồng arithmetic exact beyond 2^53', () => {
    expect(shareOf(9_007_199_254_740_993n, 10_000)).toBe(9_007_199_254_740_993n);
  });
});
