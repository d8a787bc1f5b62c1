import { PROJECT_TEXT_LIMITS } from '@khoinghiep/contracts';

const MAX_TERMS = 8;
const MAX_TERM_LENGTH = 40;

export interface SearchTerm {
  /** The word as typed (lower case, NFC); diacritics are removed in SQL by the same `f_unaccent` as the index. */
  word: string;
  /** A PostgreSQL `tsquery` for this word alone: exact, or a prefix for the last word (results come while typing). */
  tsquery: string;
}

/**
 * Splits what a user typed into words. Every word must match the project (in title or summary, by full text, or in
 * the title approximately, by trigrams). Only letters and digits survive, so a word cannot carry tsquery operators.
 */
export function searchTerms(text: string): SearchTerm[] {
  const words = text
    .normalize('NFC')
    .slice(0, PROJECT_TEXT_LIMITS.query.max)
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu);
  if (!words) return [];
  const kept = words.slice(0, MAX_TERMS).map((word) => word.slice(0, MAX_TERM_LENGTH));
  return kept.map((word, index) => ({ word, tsquery: index === kept.length - 1 ? `${word}:*` : word }));
}
