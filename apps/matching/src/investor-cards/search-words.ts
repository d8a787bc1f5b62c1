import { MATCHING_TEXT_LIMITS } from '@khoinghiep/contracts';

const MAX_WORDS = 8;
const MAX_WORD_LENGTH = 40;

export interface SearchWord {
  /** The word as typed (lower case, NFC); SQL removes its diacritics with the same `f_unaccent` as the index. */
  word: string;
  /** A PostgreSQL `tsquery` for this word alone: exact, or a prefix for the last word (results come while typing). */
  tsquery: string;
}

/**
 * Splits what a founder typed into words, each of which must match a card (by full text in name, organisation or
 * thesis, or approximately in the name by trigrams). Only letters and digits survive, so no tsquery operator does.
 */
export function searchWords(text: string): SearchWord[] {
  const words = text
    .normalize('NFC')
    .slice(0, MATCHING_TEXT_LIMITS.searchName.max)
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu);
  if (!words) return [];
  const kept = words.slice(0, MAX_WORDS).map((word) => word.slice(0, MAX_WORD_LENGTH));
  return kept.map((word, index) => ({ word, tsquery: index === kept.length - 1 ? `${word}:*` : word }));
}
