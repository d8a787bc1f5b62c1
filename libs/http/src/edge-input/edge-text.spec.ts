import { forbiddenCharacterIn, normaliseText, printableText } from './edge-text.js';

describe('edge text', () => {
  it('composes decomposed Vietnamese (NFD → NFC)', () => {
    const decomposed = 'Cà phê'.normalize('NFD');
    expect(normaliseText(decomposed)).toBe('Cà phê'.normalize('NFC'));
  });

  it.each([
    ['spaces only', '   \t\n ', ''],
    ['no-break and ideographic spaces', '\u00A0Lan\u3000', 'Lan'],
    ['zero-width padding', '\u200B\u200C\u200DCà phê\u2060\uFEFF', 'Cà phê'],
    ['a soft hyphen at the end', 'OCOP\u00AD', 'OCOP'],
  ])('trims %s at both ends', (_case, text, expected) => {
    expect(normaliseText(text)).toBe(expected);
  });

  it('keeps what is inside the text: inner spaces, line breaks, emoji joined by a ZWJ', () => {
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
    expect(normaliseText(` Dòng một\n\nDòng hai ${family} `)).toBe(`Dòng một\n\nDòng hai ${family}`);
  });

  it.each([
    ['NUL', 'a\u0000b', 'controlCharacter'],
    ['escape', '\u001B[31mred', 'controlCharacter'],
    ['DEL', 'a\u007F', 'controlCharacter'],
    ['a C1 control', 'a\u0085b', 'controlCharacter'],
    ['a right-to-left override', 'invoice\u202Egpj.exe', 'bidiControl'],
    ['a first-strong isolate', 'a\u2068b\u2069', 'bidiControl'],
    ['a lone high surrogate', 'a\uD800b', 'loneSurrogate'],
    ['a lone low surrogate', '\uDC00', 'loneSurrogate'],
  ] as const)('refuses %s', (_case, text, reason) => {
    expect(forbiddenCharacterIn(text)).toBe(reason);
  });

  it('allows tab, line breaks, Vietnamese and astral characters', () => {
    expect(forbiddenCharacterIn('Cà phê\tĐắk Lắk\r\n\u{1F600}')).toBeNull();
  });

  it('prints forbidden characters as U+FFFD', () => {
    expect(printableText('a\u0000b\uD800\u202E')).toBe('a\uFFFDb\uFFFD\uFFFD');
  });
});
