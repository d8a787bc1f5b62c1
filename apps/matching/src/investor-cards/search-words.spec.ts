import { searchWords } from './search-words.js';

const queries = (text: string) => searchWords(text).map((word) => word.tsquery);

describe('searchWords', () => {
  it('needs every word and lets the last one be a prefix', () => {
    expect(queries('quy dau tu song')).toEqual(['quy', 'dau', 'tu', 'song:*']);
    expect(queries('Quỹ  Sông Hồng')).toEqual(['quỹ', 'sông', 'hồng:*']);
  });

  it('drops tsquery operators and punctuation so what is typed cannot change the query', () => {
    expect(queries("quỹ | (sông) & !'hồng':*")).toEqual(['quỹ', 'sông', 'hồng:*']);
  });

  it('composes decomposed Vietnamese first', () => {
    expect(searchWords('Sông Hồng'.normalize('NFD')).map((word) => word.word)).toEqual(['sông', 'hồng']);
  });

  it('gives nothing when nothing searchable is left, and at most eight words', () => {
    expect(searchWords(' ?! ')).toEqual([]);
    expect(searchWords('a b c d e f g h i j')).toHaveLength(8);
  });
});
