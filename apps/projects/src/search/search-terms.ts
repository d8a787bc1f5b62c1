import { PROJECT_TEXT_LIMITS } from '@khoinghiep/contracts';

const MAX_TERMS = 8;
const MAX_TERM_LENGTH = 40;

/**
 * Turns what a user typed into a PostgreSQL `tsquery` text for the `simple` configuration: every word must match,
 * the last one as a prefix (so results come while typing). Only letters and digits survive, so the text cannot
 * carry tsquery operators. Diacritics are removed in SQL by the same `f_unaccent` that built the index, which is
 * why "ca phe" and "cà phê" find the same projects. `null` when nothing searchable is left.
 */
export function toPrefixTsQuery(text: string): string | null {
  const words = text
    .normalize('NFC')
    .slice(0, PROJECT_TEXT_LIMITS.query.max)
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu);
  if (!words) return null;
  const terms = words.slice(0, MAX_TERMS).map((word) => word.slice(0, MAX_TERM_LENGTH));
  return terms.map((term, index) => (index === terms.length - 1 ? `${term}:*` : term)).join(' & ');
}
