import { type RankCandidate, rank } from './ranking.js';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 29, 8, minute));
const candidate = (id: string, over: Partial<RankCandidate> = {}): RankCandidate => ({
  applicationId: id,
  submittedAt: at(0),
  requested: 100n,
  score: null,
  priorityGroups: [],
  ...over,
});
const PRIORITY = ['women_led', 'ethnic_minority_led', 'social_enterprise'] as const;
const order = (ranking: ReturnType<typeof rank>) => ranking.entries.map((entry) => entry.applicationId);

describe('rank', () => {
  it('orders a first_come call by submission time and says so', () => {
    const ranking = rank(
      [
        candidate('c', { submittedAt: at(3) }),
        candidate('a', { submittedAt: at(1) }),
        candidate('b', { submittedAt: at(2) }),
      ],
      'first_come',
      PRIORITY,
      1_000n,
    );
    expect(ranking.rankedBy).toBe('first_come');
    expect(order(ranking)).toEqual(['a', 'b', 'c']);
    expect(ranking.entries.map((entry) => entry.position)).toEqual([1, 2, 3]);
    expect(ranking.entries[0]?.reason.en).toContain('first come');
  });

  it('orders a score call highest score first, unscored last', () => {
    const ranking = rank(
      [
        candidate('low', { score: 60, submittedAt: at(1) }),
        candidate('none', { submittedAt: at(0) }),
        candidate('high', { score: 90.5, submittedAt: at(2) }),
      ],
      'score',
      PRIORITY,
      1_000n,
    );
    expect(ranking.rankedBy).toBe('score');
    expect(order(ranking)).toEqual(['high', 'low', 'none']);
    expect(ranking.entries[0]?.reason.vi).toContain('điểm thẩm định 90.50');
  });

  it('ranks a score call with no score yet first come, and says why', () => {
    const ranking = rank(
      [candidate('second', { submittedAt: at(2) }), candidate('first', { submittedAt: at(1) })],
      'score',
      PRIORITY,
      1_000n,
    );
    expect(ranking.rankedBy).toBe('first_come');
    expect(order(ranking)).toEqual(['first', 'second']);
    expect(ranking.entries[0]?.reason.en).toContain('no score yet');
  });

  it('breaks a tie in favour of priority groups in force, more groups first', () => {
    const ranking = rank(
      [
        candidate('plain', { score: 80, submittedAt: at(0) }),
        candidate('women', { score: 80, submittedAt: at(5), priorityGroups: ['women_led'] }),
        candidate('both', {
          score: 80,
          submittedAt: at(9),
          priorityGroups: ['women_led', 'ethnic_minority_led'],
        }),
        candidate('better', { score: 85, submittedAt: at(9) }),
      ],
      'score',
      PRIORITY,
      1_000n,
    );
    expect(order(ranking)).toEqual(['better', 'both', 'women', 'plain']);
    expect(ranking.entries[1]?.reason.en).toContain(
      'tied, priority group women_led, ethnic_minority_led goes first',
    );
    expect(ranking.entries[3]?.reason.en).toContain('in no priority group');
  });

  it('ignores a group that is not a priority group in force', () => {
    const ranking = rank(
      [
        candidate('plain', { score: 80, submittedAt: at(0) }),
        candidate('social', { score: 80, submittedAt: at(1), priorityGroups: ['social_enterprise'] }),
      ],
      'score',
      ['women_led'],
      1_000n,
    );
    expect(order(ranking)).toEqual(['plain', 'social']);
  });

  it('says how far the remaining budget reaches, cumulatively', () => {
    const ranking = rank(
      [
        candidate('a', { submittedAt: at(1), requested: 400n }),
        candidate('b', { submittedAt: at(2), requested: 500n }),
        candidate('c', { submittedAt: at(3), requested: 200n }),
      ],
      'first_come',
      PRIORITY,
      900n,
    );
    expect(ranking.entries.map((entry) => [entry.cumulativeRequested, entry.covered])).toEqual([
      [400n, true],
      [900n, true],
      [1_100n, false],
    ]);
  });
});
