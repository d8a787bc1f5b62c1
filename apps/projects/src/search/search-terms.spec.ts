import { toPrefixTsQuery } from './search-terms.js';

describe('toPrefixTsQuery', () => {
  it('needs every word and lets the last one be a prefix', () => {
    expect(toPrefixTsQuery('ca phe')).toBe('ca & phe:*');
    expect(toPrefixTsQuery('Cà Phê  Buôn')).toBe('cà & phê & buôn:*');
  });

  it('drops tsquery operators and punctuation so user text cannot change the query', () => {
    expect(toPrefixTsQuery("trà | (ô long) & !'x':*")).toBe('trà & ô & long & x:*');
  });

  it('composes decomposed Vietnamese first', () => {
    expect(toPrefixTsQuery('cà phê'.normalize('NFD'))).toBe('cà & phê:*');
  });

  it('gives null when nothing searchable is left', () => {
    expect(toPrefixTsQuery('  !!! ')).toBeNull();
  });

  it('bounds the number of terms', () => {
    expect(toPrefixTsQuery('a b c d e f g h i j')?.split(' & ')).toHaveLength(8);
  });
});
