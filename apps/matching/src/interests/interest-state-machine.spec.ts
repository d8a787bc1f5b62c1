import { INTEREST_STATUSES } from '@khoinghiep/contracts';
import { type InterestAction, interestTransition } from './interest-state-machine.js';

describe('the life of an interest', () => {
  it.each([
    ['accept', 'accepted'],
    ['decline', 'declined'],
    ['withdraw', 'withdrawn'],
  ] as const)('lets an open interest %s, ending %s', (action, to) => {
    expect(interestTransition('open', action)).toEqual({ allowed: true, to });
  });

  it('refuses every action once the interest is closed, naming the status it is in', () => {
    const closed = INTEREST_STATUSES.filter((status) => status !== 'open');
    for (const status of closed) {
      for (const action of ['accept', 'decline', 'withdraw'] as InterestAction[]) {
        expect(interestTransition(status, action)).toEqual({ allowed: false, from: status });
      }
    }
  });
});
