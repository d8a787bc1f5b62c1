import { searchTerms } from './search-terms.js';

const queries = (text: string) => searchTerms(text).map((term) => term.tsquery);

describe('searchTerms', () => {
  it('needs every word and lets the last one be a prefix', () => {
    expect(queries('ca phe')).toEqual(['ca', 'phe:*']);
    expect(queries('Cà Phê  Buôn')).toEqual(['cà', 'phê', 'buôn:*']);
  });

  it('drops tsquery operators and punctuation so user text cannot change the query', () => {
    expect(queries("trà | (ô long) & !'x':*")).toEqual(['trà', 'ô', 'long', 'x:*']);
  });

  it('composes decomposed Vietnamese first', () => {
    expect(searchTerms('cà phê'.normalize('NFD'))).toEqual([
      { word: 'cà', tsquery: 'cà' },
      { word: 'phê', tsquery: 'phê:*' },
    ]);
  });

  it('gives nothing when nothing searchable is left', () => {
    expect(searchTerms('  !!! ')).toEqual([]);
  });

  it('bounds the number of words', () => {
    expect(searchTerms('a b c d e f g h i j')).toHaveLength(8);
  });
});
