import { intakeOf, type KnownCommitment, latestPerIntroduction, leadFigures } from './lead-figures.js';

const BILLION = 1_000_000_000n;
const CAP_BP = 3000; // Decree 38/2018: 30 %

let sequence = 0;
const commitment = (introductionId: string, amount: bigint, recordedAt: string) => ({
  eventId: `0190f000-0000-7000-8000-${String(++sequence).padStart(12, '0')}`,
  introductionId,
  amount: amount.toString(),
  recordedAt: new Date(recordedAt),
});

describe('the figures of a co-investment lead', () => {
  it('caps a willing private commitment of 3 000 000 000 ₫ at 900 000 000 ₫', () => {
    expect(leadFigures([commitment('a', 3n * BILLION, '2026-10-01T03:00:00Z')], CAP_BP)).toEqual({
      privateTotal: 3n * BILLION,
      cap: 900_000_000n,
      investorCount: 1,
    });
  });

  it('adds a second introduction, and counts a later commitment of the same introduction instead of its earlier one', () => {
    const first = commitment('a', 3n * BILLION, '2026-10-01T03:00:00Z');
    const second = commitment('b', 1n * BILLION, '2026-10-02T03:00:00Z');
    expect(leadFigures([first, second], CAP_BP)).toMatchObject({
      privateTotal: 4n * BILLION,
      cap: 1_200_000_000n,
      investorCount: 2,
    });
    const raised = commitment('a', 5n * BILLION, '2026-10-03T03:00:00Z');
    expect(leadFigures([first, second, raised], CAP_BP)).toMatchObject({
      privateTotal: 6n * BILLION,
      cap: 1_800_000_000n,
      investorCount: 2,
    });
  });

  it('counts the commitment recorded last whatever order the events arrived in', () => {
    const earlier = commitment('a', 3n * BILLION, '2026-10-01T03:00:00Z');
    const later = commitment('a', 2n * BILLION, '2026-10-05T03:00:00Z');
    expect(leadFigures([later, earlier], CAP_BP).privateTotal).toBe(2n * BILLION);
    // The same instant: the later event id (ids are time-ordered) wins.
    const sameInstant = commitment('a', 7n * BILLION, '2026-10-05T03:00:00Z');
    expect(latestPerIntroduction([sameInstant, later, earlier])).toEqual([sameInstant]);
  });

  it('rounds the cap down to a whole đồng, so the state never exceeds its share', () => {
    expect(leadFigures([commitment('a', 1_000_000_001n, '2026-10-01T03:00:00Z')], CAP_BP).cap).toBe(
      300_000_000n,
    );
    expect(leadFigures([commitment('a', 7n, '2026-10-01T03:00:00Z')], CAP_BP).cap).toBe(2n);
  });

  it('has no cap when no rule is in force, but still its private total', () => {
    expect(leadFigures([commitment('a', BILLION, '2026-10-01T03:00:00Z')], null)).toEqual({
      privateTotal: BILLION,
      cap: null,
      investorCount: 1,
    });
  });

  it('lists the investors largest first', () => {
    const small = commitment('b', BILLION, '2026-10-01T03:00:00Z');
    const large = commitment('c', 2n * BILLION, '2026-10-01T03:00:00Z');
    expect(latestPerIntroduction([small, large]).map((c) => c.introductionId)).toEqual(['c', 'b']);
  });
});

describe('what a willing private commitment does', () => {
  const known = (amount: bigint, recordedAt: string, leadStatus: KnownCommitment['leadStatus']) => ({
    ...commitment('a', amount, recordedAt),
    leadStatus,
  });

  it('counts the first commitment of an introduction, and a later one while its lead is live', () => {
    expect(intakeOf(commitment('a', BILLION, '2026-10-01T03:00:00Z'), null)).toBe('count');
    const before = known(BILLION, '2026-10-01T03:00:00Z', 'taken');
    expect(intakeOf(commitment('a', BILLION, '2026-10-02T03:00:00Z'), before)).toBe('count');
  });

  it('ignores a commitment older than the one already counted', () => {
    const counted = known(BILLION, '2026-10-05T03:00:00Z', 'open');
    expect(intakeOf(commitment('a', 9n * BILLION, '2026-10-01T03:00:00Z'), counted)).toBe('stale');
  });

  it('ignores the same amount again once its lead is closed, but counts a new amount', () => {
    const closed = known(3n * BILLION, '2026-10-01T03:00:00Z', 'closed');
    expect(intakeOf(commitment('a', 3n * BILLION, '2026-10-09T03:00:00Z'), closed)).toBe('settled');
    expect(intakeOf(commitment('a', 4n * BILLION, '2026-10-09T03:00:00Z'), closed)).toBe('count');
  });
});
