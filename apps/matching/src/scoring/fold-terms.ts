/**
 * Words that say nothing about what a project does or an investor wants, left out of text relevance so that "và" or
 * "của" never make two texts look alike. Compared before folding: folded, "có" (has) would also drop "cơ" (as in
 * hữu cơ, organic) and "để" (to) would drop "dê" (goat).
 */
const STOP_WORDS = new Set([
  'và',
  'của',
  'cho',
  'với',
  'các',
  'những',
  'một',
  'là',
  'có',
  'được',
  'trong',
  'tại',
  'từ',
  'đến',
  'theo',
  'về',
  'để',
  'này',
  'đó',
  'khi',
  'như',
  'trên',
  'dưới',
  'hay',
  'hoặc',
  'cũng',
  'thì',
  'mà',
  'sẽ',
  'đã',
  'đang',
  'the',
  'and',
  'of',
  'for',
  'with',
  'in',
  'on',
  'to',
  'an',
  'or',
]);

const fold = (word: string) =>
  word
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/đ/g, 'd');

/** The words of a text that count, each as written (lower case, NFC) and folded. */
function* wordsOf(text: string): Generator<[written: string, folded: string]> {
  for (const word of text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)) {
    if (word.length > 1 && !STOP_WORDS.has(word)) yield [word, fold(word)];
  }
}

/**
 * The distinct words of a text, lower case and without Vietnamese diacritics (đ → d), in order of first use, for
 * comparing a thesis with a project. Words of one letter and stop words are left out.
 */
export function foldTerms(text: string): string[] {
  return [...termSpellings(text).keys()];
}

/** Each folded word of a text with its first spelling, so an explanation shows "cà, phê" rather than "ca, phe". */
export function termSpellings(text: string): Map<string, string> {
  const spellings = new Map<string, string>();
  for (const [written, folded] of wordsOf(text)) if (!spellings.has(folded)) spellings.set(folded, written);
  return spellings;
}
