import { inLockOrder, Journal, reversed, unbalancedReason } from './ledger-journal.js';

describe('the journal of business events', () => {
  const FUND = 'fund-1';
  const CALL = 'call-1';
  const GRANT = 'grant-1';

  it('balances every business event, moving money from the account it leaves to the one it reaches', () => {
    const entries = [
      Journal.callBudgetSet(FUND, CALL, 1_000_000_000n),
      Journal.callBudgetRaised(FUND, CALL, 5n),
      Journal.callBudgetLowered(FUND, CALL, 5n),
      Journal.grantApproved(CALL, GRANT, 300_000_000n),
      Journal.tranchePaid(GRANT, 'tranche-1', 210_000_000n),
      Journal.settlementReturned(GRANT, 10_000_000n),
      Journal.commitmentReleased(CALL, GRANT, 90_000_000n),
    ];
    for (const entry of entries) expect(unbalancedReason(entry.lines)).toBeNull();
    expect(Journal.grantApproved(CALL, GRANT, 300n).lines).toEqual([
      { account: { kind: 'grant_undisbursed', reference: GRANT }, amount: 300n },
      { account: { kind: 'call_available', reference: CALL }, amount: -300n },
    ]);
  });

  it('refuses a zero or negative amount rather than post a meaningless line', () => {
    expect(() => Journal.tranchePaid(GRANT, 't', 0n)).toThrow(RangeError);
    expect(() => Journal.callBudgetSet(FUND, CALL, -1n)).toThrow(RangeError);
  });

  it('names why lines are unbalanced', () => {
    const one = { account: { kind: 'call_available', reference: CALL }, amount: 5n } as const;
    expect(unbalancedReason([one])).toMatch(/at least 2/);
    expect(unbalancedReason([one, { ...one, amount: -4n }])).toMatch(/sum to 1/);
    expect(unbalancedReason([one, { ...one, amount: 0n }, { ...one, amount: -5n }])).toMatch(/0 đồng/);
  });

  it('reverses with opposite amounts, and orders lines the same way whatever order they came in', () => {
    const { lines } = Journal.grantApproved(CALL, GRANT, 7n);
    expect(reversed(lines).map((line) => line.amount)).toEqual([-7n, 7n]);
    expect(inLockOrder(lines)).toEqual(inLockOrder([...lines].reverse()));
    expect(inLockOrder(lines)[0]?.account.kind).toBe('call_available');
  });
});
