import { INVESTOR_KINDS } from '@khoinghiep/contracts';
import { privateKindOf } from './investor-kinds.js';

describe("matching's investor kinds as funding's private investor kinds", () => {
  it('maps every private kind, funds (venture and association) to a private venture fund', () => {
    expect(privateKindOf('angel')).toBe('angel_investor');
    expect(privateKindOf('venture_fund')).toBe('private_venture_fund');
    expect(privateKindOf('association_fund')).toBe('private_venture_fund');
    expect(privateKindOf('enterprise')).toBe('enterprise');
  });

  it('gives a state fund no private kind, and every other kind one', () => {
    expect(INVESTOR_KINDS.filter((kind) => privateKindOf(kind) === null)).toEqual(['state_fund']);
  });
});
