import { type Caller, isParty, listedSides } from './interest-access.policy.js';

const parties = { investorId: 'investor', projectOwnerId: 'founder' };
const caller = (userId: string, roles: string[]): Caller => ({ userId, roles, email: `${userId}@x.vn` });

describe('who sees an interest or an introduction', () => {
  it('is its investor and the founder of its project, and nobody else', () => {
    expect(isParty(caller('investor', ['investor']), parties)).toBe(true);
    expect(isParty(caller('founder', ['founder']), parties)).toBe(true);
    expect(isParty(caller('other-founder', ['founder']), parties)).toBe(false);
    expect(isParty(caller('officer', ['programme_officer', 'admin']), parties)).toBe(false);
  });

  it('lists by role: what an investor sent, what a founder received, both for someone with both roles', () => {
    expect(listedSides(caller('a', ['investor']))).toEqual({ asInvestor: true, asFounder: false });
    expect(listedSides(caller('a', ['founder']))).toEqual({ asInvestor: false, asFounder: true });
    expect(listedSides(caller('a', ['founder', 'investor']))).toEqual({ asInvestor: true, asFounder: true });
  });
});
