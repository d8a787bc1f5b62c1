/**
 * The characters no text field may hold, whatever its rules: they break PostgreSQL (NUL), hide or reorder what a
 * reader sees (bidirectional overrides and isolates), or are not text at all (C0/C1 controls, lone surrogates).
 * Tab and line breaks (LF, and CR as in CRLF) stay allowed: descriptions have paragraphs.
 */
export type ForbiddenCharacter = 'controlCharacter' | 'bidiControl' | 'loneSurrogate';

// Every C0/C1 control and DEL (Unicode category Cc) except tab, LF and CR.
const CONTROL = /(?![\t\n\r])\p{Cc}/u;
// LRE RLE PDF LRO RLO (U+202A–202E) and LRI RLI FSI PDI (U+2066–2069).
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
// With the `u` flag a surrogate matches only when it is not half of a pair.
const LONE_SURROGATE = /\p{Cs}/u;
const ANY_FORBIDDEN = /(?![\t\n\r])\p{Cc}|[\u202A-\u202E\u2066-\u2069]|\p{Cs}/gu;
// Spaces and characters nobody sees (zero-width space/joiners, word joiner, byte-order mark, soft hyphen…).
const INVISIBLE_AT_ENDS =
  /^[\p{White_Space}\p{Default_Ignorable_Code_Point}]+|[\p{White_Space}\p{Default_Ignorable_Code_Point}]+$/gu;

/** Why `text` may not be accepted, or `null` when every character is allowed. */
export function forbiddenCharacterIn(text: string): ForbiddenCharacter | null {
  if (LONE_SURROGATE.test(text)) return 'loneSurrogate';
  if (CONTROL.test(text)) return 'controlCharacter';
  if (BIDI_CONTROL.test(text)) return 'bidiControl';
  return null;
}

/**
 * One form for every text: composed (NFC, as macOS keyboards send decomposed Vietnamese) and without spaces or
 * invisible characters at either end, so "   " is empty and a title padded with zero-width spaces is its words.
 */
export function normaliseText(text: string): string {
  return text.normalize('NFC').replace(INVISIBLE_AT_ENDS, '');
}

/** `text` fit to quote back (a field name in a problem document): each forbidden character becomes U+FFFD. */
export function printableText(text: string): string {
  return text.replace(ANY_FORBIDDEN, '\uFFFD');
}
