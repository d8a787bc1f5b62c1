import fc from 'fast-check';
import { hasTerm, indexTerms, termHash } from './term-index.js';

const contains = (terms: readonly string[], term: string) =>
  hasTerm(indexTerms(terms), terms, term, termHash(term));

// Two different words with the same 30-bit hash, found once by hashing `tu` + i in base 36 until two collided.
const COLLIDING = ['tu7ufy', 'tue3nb'] as const;

describe('the term index of a project', () => {
  it('answers exactly what a Set of the words answers (random words, duplicates, from none to hundreds)', () => {
    const word = fc.stringMatching(/^[a-z0-9]{2,8}$/);
    fc.assert(
      fc.property(fc.array(word, { maxLength: 400 }), fc.array(word, { maxLength: 40 }), (terms, probes) => {
        const index = indexTerms(terms);
        const set = new Set(terms);
        for (const probe of [...probes, ...terms]) {
          expect(hasTerm(index, terms, probe, termHash(probe))).toBe(set.has(probe));
        }
      }),
    );
  });

  it('tells apart two words whose hashes are equal, by comparing the words', () => {
    const [first, second] = COLLIDING;
    expect(first).not.toBe(second);
    expect(termHash(first)).toBe(termHash(second));
    expect(contains(['ca', first, 'phe'], first)).toBe(true);
    expect(contains(['ca', first, 'phe'], second)).toBe(false);
    expect(contains([second, first], second)).toBe(true);
  });

  it('finds folded Vietnamese words and keeps hashes to non-zero small integers', () => {
    expect(contains(['ca', 'phe', 'dak', 'lak'], 'dak')).toBe(true);
    expect(contains([], 'dak')).toBe(false);
    for (const term of ['ca', 'phe', 'nong', 'nghiep', '']) {
      expect(termHash(term)).toBeGreaterThan(0);
      expect(termHash(term)).toBeLessThan(2 ** 30);
    }
  });
});
