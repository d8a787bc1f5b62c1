import { CursorField, decodeCursor, encodeCursor } from '@khoinghiep/http';
import { compareMatches, TopK } from '../scoring/ranking.js';

/** Where a match stands in its list: `compareMatches` order, score descending then id ascending. */
export interface MatchKey {
  readonly id: string;
  readonly score: number;
}

const CURSOR_KIND = 'match';
const isScore = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100;

/** The cursor after `key`: its score and id, so the next page starts strictly after it. */
export const matchCursorOf = (key: MatchKey): string => encodeCursor(CURSOR_KIND, [key.score, key.id]);

/** The key a cursor of `matchCursorOf` holds; a cursor of another list or tampered with is a 400 on `cursor`. */
export function readMatchCursor(raw: string | undefined): MatchKey | null {
  if (raw === undefined) return null;
  const [score, id] = decodeCursor<[number, string]>(raw, CURSOR_KIND, [isScore, CursorField.uuid]);
  return { score, id };
}

/** Ranks strictly after the cursor (everything does when there is none). */
export const isAfter = (key: MatchKey, cursor: MatchKey | null): boolean =>
  cursor === null || compareMatches(key, cursor) > 0;

/**
 * The best `count` candidates ranked after `cursor`, best first, by a score computed for each (`null`: a hard filter
 * excludes it, it is left out). One pass with a bounded heap: memory stays at `count` whatever the candidates.
 */
export function rankAfter<T>(
  candidates: Iterable<T>,
  idOf: (candidate: T) => string,
  scoreOf: (candidate: T) => number | null,
  cursor: MatchKey | null,
  count: number,
): { id: string; score: number; item: T }[] {
  const best = new TopK<T>(count);
  for (const candidate of candidates) {
    const score = scoreOf(candidate);
    if (score === null) continue;
    const id = idOf(candidate);
    if (isAfter({ id, score }, cursor)) best.offer(id, score, candidate);
  }
  return best.sorted();
}

/**
 * Where a page of matches can come from. Both answer the matches that pass the list's filters, ranked after the
 * cursor, at most `count`, in `compareMatches` order; they differ in cost.
 */
export interface MatchSources<T extends MatchKey> {
  /**
   * From the stored best list (fast): `null` when the list cannot be trusted (built with other weights, or older
   * than the data it ranks). The stored list is a prefix of the full ranking, so whatever it holds after the cursor
   * is exactly what the full ranking holds there, up to its last row.
   */
  stored(cursor: MatchKey | null, count: number): Promise<T[] | null>;
  /** Scored on demand over every candidate (slow, always right). */
  computed(cursor: MatchKey | null, count: number): Promise<T[]>;
}

export interface MatchPage<T> {
  items: T[];
  nextCursor: string | null;
  source: 'stored' | 'computed';
}

/**
 * One page of `limit` matches after `cursor`. The stored list serves it only when it holds the whole page and one
 * more (that one says whether a next page exists, and proves the page does not run past the stored rows, where
 * an unstored match could come first); otherwise the page is computed. Both sources rank the same way, so pages
 * join without a gap or a repeat wherever the boundary falls.
 */
export async function readMatchPage<T extends MatchKey>(
  sources: MatchSources<T>,
  cursor: MatchKey | null,
  limit: number,
): Promise<MatchPage<T>> {
  const count = limit + 1;
  const stored = await sources.stored(cursor, count);
  const fromStore = stored !== null && stored.length >= count;
  const rows = fromStore ? stored.slice(0, count) : await sources.computed(cursor, count);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last ? matchCursorOf(last) : null,
    source: fromStore ? 'stored' : 'computed',
  };
}
