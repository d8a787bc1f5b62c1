import fc from 'fast-check';
import { compareMatches, MATCH_LIST_SIZE, TopK } from './ranking.js';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('compareMatches', () => {
  it('puts the higher score first, and on equal scores the smaller id', () => {
    const matches = [
      { id: id(3), score: 50 },
      { id: id(1), score: 42.5 },
      { id: id(2), score: 50 },
      { id: id(0), score: 42.5 },
    ];
    expect(matches.sort(compareMatches)).toEqual([
      { id: id(2), score: 50 },
      { id: id(3), score: 50 },
      { id: id(0), score: 42.5 },
      { id: id(1), score: 42.5 },
    ]);
  });
});

describe('TopK', () => {
  it('keeps the best k, best first, breaking ties by id, whatever order they are offered in', () => {
    const top = new TopK<string>(3);
    for (const [n, score] of [
      [5, 10],
      [4, 80],
      [3, 80],
      [2, 10],
      [1, 55],
      [0, 10],
    ] as const) {
      top.offer(id(n), score, `item ${n}`);
    }
    expect(top.sorted()).toEqual([
      { id: id(3), score: 80, item: 'item 3' },
      { id: id(4), score: 80, item: 'item 4' },
      { id: id(1), score: 55, item: 'item 1' },
    ]);
  });

  it('answers whether an offer was kept: a tie with the worst kept enters only with a smaller id', () => {
    const top = new TopK<null>(2);
    expect(top.offer(id(5), 30, null)).toBe(true);
    expect(top.offer(id(6), 20, null)).toBe(true);
    expect(top.offer(id(7), 20, null)).toBe(false);
    expect(top.offer(id(1), 20, null)).toBe(true);
    expect(top.offer(id(2), 10, null)).toBe(false);
    expect(top.sorted().map((entry) => entry.id)).toEqual([id(5), id(1)]);
    expect(top.size).toBe(2);
  });

  it('equals sorting every offer and taking the first k (random offers, many ties)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 20 })), {
          selector: ([n]) => n,
          maxLength: 300,
        }),
        fc.integer({ min: 1, max: 60 }),
        (offers, k) => {
          const top = new TopK<number>(k);
          for (const [n, score] of offers) top.offer(id(n), score / 4, n);
          const expected = offers
            .map(([n, score]) => ({ id: id(n), score: score / 4, item: n }))
            .sort(compareMatches)
            .slice(0, k);
          expect(top.sorted()).toEqual(expected);
        },
      ),
    );
  });

  it('keeps the stored list size by default, and refuses a size that is not a positive integer', () => {
    expect(new TopK().k).toBe(MATCH_LIST_SIZE);
    expect(MATCH_LIST_SIZE).toBe(50);
    expect(() => new TopK(0)).toThrow(RangeError);
    expect(() => new TopK(2.5)).toThrow(RangeError);
  });
});
