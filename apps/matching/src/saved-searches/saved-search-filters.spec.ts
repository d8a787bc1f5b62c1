import type { CreateSavedSearchDto } from '@khoinghiep/contracts';
import { InvalidFieldsError } from '@khoinghiep/http';
import { savedSearchTerms } from './saved-search-filters.js';

const body = (overrides: Partial<CreateSavedSearchDto> = {}): CreateSavedSearchDto => ({
  name: 'Cà phê Tây Nguyên',
  filters: {},
  ...overrides,
});

const fieldsOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidFieldsError) return error.errors.map((problem) => problem.field);
    throw error;
  }
  return [];
};

describe('savedSearchTerms', () => {
  it('leaves every filter open and notifies from a score of 50 unless told otherwise', () => {
    expect(savedSearchTerms(body())).toEqual({
      name: 'Cà phê Tây Nguyên',
      sectors: [],
      stages: [],
      provinceCodes: [],
      askMin: null,
      askMax: null,
      query: null,
      queryTerms: [],
      minScore: 50,
      notify: true,
    });
  });

  it('keeps the words as typed and folds them for matching', () => {
    const terms = savedSearchTerms(body({ filters: { q: 'Cà phê Đắk Lắk', ticket: { max: '2000000000' } } }));
    expect(terms).toMatchObject({
      query: 'Cà phê Đắk Lắk',
      queryTerms: ['ca', 'phe', 'dak', 'lak'],
      askMin: null,
      askMax: '2000000000',
    });
  });

  it('keeps a minimum score of 0 and notify off', () => {
    expect(savedSearchTerms(body({ minScore: 0, notify: false }))).toMatchObject({
      minScore: 0,
      notify: false,
    });
  });

  it('refuses an ask range upside down, naming its maximum', () => {
    expect(
      fieldsOf(() =>
        savedSearchTerms(body({ filters: { ticket: { min: '2000000000', max: '500000000' } } })),
      ),
    ).toEqual(['filters.ticket.max']);
  });

  it('compares amounts as whole numbers, not as text', () => {
    expect(
      fieldsOf(() =>
        savedSearchTerms(body({ filters: { ticket: { min: '900000000', max: '1000000000' } } })),
      ),
    ).toEqual([]);
  });

  it('refuses words that would filter nothing (only function words)', () => {
    expect(fieldsOf(() => savedSearchTerms(body({ filters: { q: 'và của' } })))).toEqual(['filters.q']);
  });
});
