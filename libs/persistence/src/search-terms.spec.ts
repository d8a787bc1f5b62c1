import { searchTerms } from './search-terms.js';

const terms = (text: string) => searchTerms(text, 200);
const queries = (text: string) => terms(text).map((term) => term.tsquery);

describe('searchTerms', () => {
  it('needs every word and lets the last one be a prefix', () => {
    expect(queries('ca phe')).toEqual(['ca', 'phe:*']);
    expect(queries('Cà Phê  Buôn')).toEqual(['cà', 'phê', 'buôn:*']);
    expect(queries('quy dau tu song')).toEqual(['quy', 'dau', 'tu', 'song:*']);
  });

  it('drops tsquery operators and punctuation so user text cannot change the query', () => {
    expect(queries("trà | (ô long) & !'x':*")).toEqual(['trà', 'ô', 'long', 'x:*']);
    expect(queries("quỹ | (sông) & !'hồng':*")).toEqual(['quỹ', 'sông', 'hồng:*']);
  });

  it('composes decomposed Vietnamese first', () => {
    expect(terms('cà phê'.normalize('NFD'))).toEqual([
      { word: 'cà', tsquery: 'cà' },
      { word: 'phê', tsquery: 'phê:*' },
    ]);
  });

  it('gives nothing when nothing searchable is left', () => {
    expect(terms('  !!! ')).toEqual([]);
    expect(terms(' ?! ')).toEqual([]);
  });

  it('bounds the number of words, and reads no more than the length given', () => {
    expect(terms('a b c d e f g h i j')).toHaveLength(8);
    expect(searchTerms('abc def', 3)).toEqual([{ word: 'abc', tsquery: 'abc:*' }]);
  });
});
