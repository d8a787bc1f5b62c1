/** How many best matches are stored per investor and per project; pages beyond them are scored on demand. */
export const MATCH_LIST_SIZE = 50;

export interface RankedEntry<T> {
  readonly id: string;
  readonly score: number;
  readonly item: T;
}

/**
 * The order of every match list: score descending, then id ascending, so equal scores never swap places between
 * pages or between the stored list and a brute-force scan. Ids are lower-case UUID text, whose string order is the
 * byte order PostgreSQL sorts `uuid` by (`ORDER BY score DESC, id ASC`).
 */
export function compareMatches(
  a: { readonly id: string; readonly score: number },
  b: { readonly id: string; readonly score: number },
): number {
  if (a.score !== b.score) return b.score - a.score;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The best `k` of the offers, in `compareMatches` order, kept in a binary heap whose root is the worst kept: an offer
 * costs O(log k) when it enters and O(1) when it does not. Each id is offered once.
 */
export class TopK<T> {
  private readonly ids: string[] = [];
  private readonly scores: number[] = [];
  private readonly items: T[] = [];

  constructor(readonly k: number = MATCH_LIST_SIZE) {
    if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`);
  }

  get size(): number {
    return this.ids.length;
  }

  /** Keeps the offer if it is among the best k so far; answers whether it was kept. */
  offer(id: string, score: number, item: T): boolean {
    if (this.ids.length < this.k) {
      this.ids.push(id);
      this.scores.push(score);
      this.items.push(item);
      this.siftUp(this.ids.length - 1);
      return true;
    }
    if (!this.isBetter(score, id, 0)) return false;
    this.ids[0] = id;
    this.scores[0] = score;
    this.items[0] = item;
    this.siftDown(0);
    return true;
  }

  /** The kept offers, best first. */
  sorted(): RankedEntry<T>[] {
    return this.ids
      .map((id, index) => ({ id, score: this.scores[index], item: this.items[index] }))
      .sort(compareMatches);
  }

  /** Whether (score, id) ranks before the entry at `index`. */
  private isBetter(score: number, id: string, index: number): boolean {
    const other = this.scores[index];
    return score > other || (score === other && id < this.ids[index]);
  }

  private siftUp(index: number): void {
    let child = index;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if (!this.isBetter(this.scores[parent], this.ids[parent], child)) return;
      this.swap(child, parent);
      child = parent;
    }
  }

  private siftDown(index: number): void {
    const size = this.ids.length;
    let parent = index;
    for (;;) {
      const left = 2 * parent + 1;
      if (left >= size) return;
      const right = left + 1;
      const worse = right < size && this.isBetter(this.scores[left], this.ids[left], right) ? right : left;
      if (!this.isBetter(this.scores[parent], this.ids[parent], worse)) return;
      this.swap(parent, worse);
      parent = worse;
    }
  }

  private swap(a: number, b: number): void {
    const id = this.ids[a];
    this.ids[a] = this.ids[b];
    this.ids[b] = id;
    const score = this.scores[a];
    this.scores[a] = this.scores[b];
    this.scores[b] = score;
    const item = this.items[a];
    this.items[a] = this.items[b];
    this.items[b] = item;
  }
}
