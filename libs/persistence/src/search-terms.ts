const MAX_TERMS = 8;
const MAX_TERM_LENGTH = 40;

export interface SearchTerm {
  /** The word as typed (lower case, NFC); diacritics are removed in SQL by the same `f_unaccent` as the index. */
  word: string;
  /** A PostgreSQL `tsquery` for this word alone: exact, or a prefix for the last word (results come while typing). */
  tsquery: string;
}

/**
 * Splits what a user typed (at most `maxLength` characters of it) into words for a diacritics-insensitive search:
 * every word must match, by full text or approximately by trigrams. Only letters and digits survive, so a word
 * cannot carry tsquery operators.
 */
export function searchTerms(text: string, maxLength: number): SearchTerm[] {
  const words = text
    .normalize('NFC')
    .slice(0, maxLength)
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu);
  if (!words) return [];
  const kept = words.slice(0, MAX_TERMS).map((word) => word.slice(0, MAX_TERM_LENGTH));
  return kept.map((word, index) => ({ word, tsquery: index === kept.length - 1 ? `${word}:*` : word }));
}
