import { randomUuid, seededRandom } from '../scoring/random-fixtures.js';
import { compareMatches } from '../scoring/ranking.js';
import {
  isAfter,
  type MatchKey,
  type MatchSources,
  matchCursorOf,
  rankAfter,
  readMatchCursor,
  readMatchPage,
} from './match-pages.js';

interface Item extends MatchKey {
  readonly passes: boolean;
}

/** A universe of scored matches with many ties (scores on a coarse grid), a share of them passing the filters. */
function universe(seed: number, size: number): Item[] {
  const random = seededRandom(seed);
  return Array.from({ length: size }, () => ({
    id: randomUuid(random),
    score: Math.round(random() * 20) * 2.5,
    passes: random() < 0.6,
  }));
}

/** Sources over `items`: the stored list is the best `k` of them (before any filter), as the index keeps it. */
function sourcesOver(items: readonly Item[], k: number, trusted = true) {
  const ranked = [...items].sort(compareMatches);
  const stored = ranked.slice(0, k);
  const calls = { stored: 0, computed: 0 };
  const sources: MatchSources<Item> = {
    stored: async (cursor, count) => {
      calls.stored++;
      if (!trusted) return null;
      return stored.filter((item) => item.passes && isAfter(item, cursor)).slice(0, count);
    },
    computed: async (cursor, count) => {
      calls.computed++;
      return rankAfter(
        items,
        (item) => item.id,
        (item) => (item.passes ? item.score : null),
        cursor,
        count,
      ).map((entry) => entry.item);
    },
  };
  return { sources, calls, expected: ranked.filter((item) => item.passes) };
}

async function readAll(sources: MatchSources<Item>, limit: number) {
  const seen: Item[] = [];
  const origins: string[] = [];
  let cursor: MatchKey | null = null;
  for (let page = 0; page < 1000; page++) {
    const { items, nextCursor, source } = await readMatchPage(sources, cursor, limit);
    seen.push(...items);
    origins.push(source);
    if (nextCursor === null) return { seen, origins };
    cursor = readMatchCursor(nextCursor);
  }
  throw new Error('the pages never ended');
}

describe('reading match pages', () => {
  it('serves the first pages from the stored list, computes beyond it, with no gap and no repeat', async () => {
    const items = universe(1, 300);
    const { sources, expected } = sourcesOver(items, 50);
    const { seen, origins } = await readAll(sources, 10);
    expect(seen.map((item) => item.id)).toEqual(expected.map((item) => item.id));
    expect(origins[0]).toBe('stored');
    expect(origins.at(-1)).toBe('computed');
    expect(origins.indexOf('computed')).toBeGreaterThan(0);
    expect(origins.slice(origins.indexOf('computed')).every((origin) => origin === 'computed')).toBe(true);
  });

  it('holds for any list size, page size and filter share, ties across the boundary included', async () => {
    const random = seededRandom(7);
    for (let run = 0; run < 60; run++) {
      const items = universe(100 + run, Math.floor(random() * 150));
      const k = 1 + Math.floor(random() * 60);
      const limit = 1 + Math.floor(random() * 25);
      const { sources, expected } = sourcesOver(items, k);
      const { seen } = await readAll(sources, limit);
      expect({ run, k, limit, ids: seen.map((item) => item.id) }).toEqual({
        run,
        k,
        limit,
        ids: expected.map((item) => item.id),
      });
    }
  });

  it('computes every page when the stored list is not trusted (other weights, older than the profile)', async () => {
    const items = universe(3, 80);
    const { sources, calls, expected } = sourcesOver(items, 50, false);
    const { seen, origins } = await readAll(sources, 20);
    expect(seen).toEqual(expected);
    expect(new Set(origins)).toEqual(new Set(['computed']));
    expect(calls.computed).toBe(origins.length);
  });

  it('computes a first page that filters leave short in the stored list', async () => {
    const items = universe(4, 200).map((item, index) => ({ ...item, passes: index % 10 === 0 }));
    const { sources, expected } = sourcesOver(items, 30);
    const first = await readMatchPage(sources, null, 5);
    expect(first.source).toBe('computed');
    expect(first.items).toEqual(expected.slice(0, 5));
  });

  it('says there is no next page when the last item is the last match', async () => {
    const items = universe(5, 12).map((item) => ({ ...item, passes: true }));
    const { sources } = sourcesOver(items, 50);
    const page = await readMatchPage(sources, null, 12);
    expect(page.items).toHaveLength(12);
    expect(page.nextCursor).toBeNull();
  });
});

describe('match cursors', () => {
  it('carry the score and id of the last item, exactly', () => {
    const key = { score: 67.45, id: '0190a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b' };
    expect(readMatchCursor(matchCursorOf(key))).toEqual(key);
    expect(readMatchCursor(undefined)).toBeNull();
  });

  it('refuses a cursor of another list, or one tampered with, as a 400 on cursor', () => {
    const other = Buffer.from(JSON.stringify(['catalogue', '2026-01-01T00:00:00.000Z', 'x'])).toString(
      'base64url',
    );
    const outOfRange = Buffer.from(
      JSON.stringify(['match', 101, '0190a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b']),
    ).toString('base64url');
    for (const raw of [other, outOfRange, 'not-a-cursor']) {
      expect(() => readMatchCursor(raw)).toThrow(
        expect.objectContaining({ status: 400, errors: [expect.objectContaining({ field: 'cursor' })] }),
      );
    }
  });
});

describe('ranking on demand', () => {
  it('keeps the best after the cursor, leaving out what a hard filter excludes', () => {
    const candidates = [
      { id: 'b', score: 80 },
      { id: 'a', score: 80 },
      { id: 'c', score: null },
      { id: 'd', score: 60 },
      { id: 'e', score: 90 },
    ];
    const ranked = (cursor: MatchKey | null, count: number) =>
      rankAfter(
        candidates,
        (candidate) => candidate.id,
        (candidate) => candidate.score,
        cursor,
        count,
      ).map((entry) => entry.id);
    expect(ranked(null, 10)).toEqual(['e', 'a', 'b', 'd']);
    expect(ranked({ id: 'a', score: 80 }, 2)).toEqual(['b', 'd']);
    expect(ranked({ id: 'e', score: 90 }, 1)).toEqual(['a']);
  });
});
