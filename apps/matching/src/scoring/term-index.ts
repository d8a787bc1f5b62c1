/*
 * The words of a project, indexed so that "is this thesis word among them?" costs a few integer reads: a 1024-bit
 * Bloom filter (two bits per word) turns most absent words away, and an open-addressing hash table of word hashes
 * (linear probing, at most half full) confirms the rest, comparing strings only when the hashes are equal, so the
 * answer is exact. Plain arrays of small integers rather than typed arrays: V8 keeps typed arrays over 64 bytes
 * outside the heap, slower to create and one more pointer to follow on every read, which is what dominates here.
 */

const FILTER_WORDS = 64;
const BITS_PER_FILTER_WORD = 16;

export interface TermIndex {
  /** 64 words of 16 bits: the Bloom filter. */
  readonly termFilter: readonly number[];
  /** `termHash` per slot, 0 for an empty slot. */
  readonly termHashes: readonly number[];
  /** Position in the indexed words of the word in each used slot. */
  readonly termIndexes: readonly number[];
}

/**
 * A word's hash: FNV-1a over its UTF-16 code units, kept to 30 bits so that V8 stores it unboxed in a plain array, and
 * never 0, which marks an empty slot.
 */
export function termHash(term: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) hash = Math.imul(hash ^ term.charCodeAt(i), 0x01000193);
  return hash >>> 2 || 1;
}

const firstBit = (hash: number) => hash & 1023;
const secondBit = (hash: number) => (hash >>> 10) & 1023;
/** First slot of a hash in a table of `mask + 1` slots (Fibonacci hashing: the high bits of the product). */
const firstSlot = (hash: number, mask: number) => (Math.imul(hash, 0x9e3779b1) >>> 16) & mask;

const isSet = (filter: readonly number[], bit: number) =>
  (filter[bit >>> 4] & (1 << (bit & (BITS_PER_FILTER_WORD - 1)))) !== 0;
const setBit = (filter: number[], bit: number) => {
  filter[bit >>> 4] |= 1 << (bit & (BITS_PER_FILTER_WORD - 1));
};

export function indexTerms(terms: readonly string[]): TermIndex {
  let size = 8;
  while (size < 2 * terms.length) size *= 2;
  const termFilter = new Array<number>(FILTER_WORDS).fill(0);
  const termHashes = new Array<number>(size).fill(0);
  const termIndexes = new Array<number>(size).fill(0);
  const mask = size - 1;
  for (let index = 0; index < terms.length; index++) {
    const hash = termHash(terms[index]);
    setBit(termFilter, firstBit(hash));
    setBit(termFilter, secondBit(hash));
    let slot = firstSlot(hash, mask);
    while (
      termHashes[slot] !== 0 &&
      !(termHashes[slot] === hash && terms[termIndexes[slot]] === terms[index])
    ) {
      slot = (slot + 1) & mask;
    }
    if (termHashes[slot] === 0) {
      termHashes[slot] = hash;
      termIndexes[slot] = index;
    }
  }
  return { termFilter, termHashes, termIndexes };
}

/** Whether the words indexed as `index` include `term`, whose `termHash` is `hash`. */
export function hasTerm(index: TermIndex, terms: readonly string[], term: string, hash: number): boolean {
  if (!isSet(index.termFilter, firstBit(hash)) || !isSet(index.termFilter, secondBit(hash))) return false;
  const hashes = index.termHashes;
  const mask = hashes.length - 1;
  for (let slot = firstSlot(hash, mask); ; slot = (slot + 1) & mask) {
    const stored = hashes[slot];
    if (stored === 0) return false;
    if (stored === hash && terms[index.termIndexes[slot]] === term) return true;
  }
}
