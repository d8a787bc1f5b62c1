import { formatMessage, negotiateLocale } from './locale.js';

describe('negotiateLocale', () => {
  it.each([
    [undefined, 'vi'],
    ['', 'vi'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['vi-VN', 'vi'],
    ['fr-FR, en;q=0.5', 'en'],
    ['en;q=0.4, vi;q=0.8', 'vi'],
    ['vi;q=0, en;q=0.1', 'en'],
    ['de, fr', 'vi'],
    ['*', 'vi'],
    ['EN-gb', 'en'],
  ])('answers %p in %p', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });

  it('reads a header given more than once', () => {
    expect(negotiateLocale(['fr', 'en'])).toBe('en');
  });
});

describe('formatMessage', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(formatMessage('{a} và {b} ({c})', { a: 'x', b: 2 })).toBe('x và 2 ({c})');
  });
});
