import type { LedgerAccountKind, LedgerTransactionKind } from '@khoinghiep/contracts';

/** A ledger account: its kind and what it belongs to (a fund, call or grant id). */
export interface LedgerAccount {
  kind: LedgerAccountKind;
  reference: string;
}

/** One line to post: debit positive, credit negative, whole đồng. */
export interface LedgerLine {
  account: LedgerAccount;
  amount: bigint;
}

/** What a business event posts: its kind, what it is about, and balanced lines. */
export interface JournalEntry {
  kind: LedgerTransactionKind;
  reference: string;
  lines: LedgerLine[];
}

export const account = (kind: LedgerAccountKind, reference: string): LedgerAccount => ({ kind, reference });

/** Moves `amount` from `from` to `to`: debit `to`, credit `from`. */
function transfer(
  kind: LedgerTransactionKind,
  reference: string,
  to: LedgerAccount,
  from: LedgerAccount,
  amount: bigint,
): JournalEntry {
  if (amount <= 0n) throw new RangeError(`${kind}: amount must be positive, got ${amount}`);
  return {
    kind,
    reference,
    lines: [
      { account: to, amount },
      { account: from, amount: -amount },
    ],
  };
}

/**
 * The journal entry of each business event (ADR 0016). Call ids, grant ids and fund ids are the references.
 * Features post these; they never write lines of their own.
 */
export const Journal = {
  /** A call's first budget, or a raise: Dr call_available / Cr fund_capital. */
  callBudgetSet: (fundId: string, callId: string, amount: bigint) =>
    transfer(
      'call_budget_set',
      callId,
      account('call_available', callId),
      account('fund_capital', fundId),
      amount,
    ),
  callBudgetRaised: (fundId: string, callId: string, by: bigint) =>
    transfer(
      'call_budget_raised',
      callId,
      account('call_available', callId),
      account('fund_capital', fundId),
      by,
    ),
  /** Lowered: Dr fund_capital / Cr call_available, refused below what is committed (available ≥ 0). */
  callBudgetLowered: (fundId: string, callId: string, by: bigint) =>
    transfer(
      'call_budget_lowered',
      callId,
      account('fund_capital', fundId),
      account('call_available', callId),
      by,
    ),
  /** Approval commits part of the call: Dr grant_undisbursed / Cr call_available. */
  grantApproved: (callId: string, grantId: string, amount: bigint) =>
    transfer(
      'grant_approved',
      grantId,
      account('grant_undisbursed', grantId),
      account('call_available', callId),
      amount,
    ),
  /** A tranche paid: Dr grant_disbursed / Cr grant_undisbursed, so Σ paid ≤ approved. */
  tranchePaid: (grantId: string, trancheId: string, amount: bigint) =>
    transfer(
      'tranche_paid',
      trancheId,
      account('grant_disbursed', grantId),
      account('grant_undisbursed', grantId),
      amount,
    ),
  /** At settlement the grantee returns part of an advance: Dr grant_returned / Cr grant_disbursed. */
  settlementReturned: (grantId: string, amount: bigint) =>
    transfer(
      'settlement_returned',
      grantId,
      account('grant_returned', grantId),
      account('grant_disbursed', grantId),
      amount,
    ),
  /** What a settled grant will never use goes back to its call: Dr call_available / Cr grant_undisbursed. */
  commitmentReleased: (callId: string, grantId: string, amount: bigint) =>
    transfer(
      'commitment_released',
      grantId,
      account('call_available', callId),
      account('grant_undisbursed', grantId),
      amount,
    ),
} as const;

/** Why lines cannot form a transaction, or null: at least two lines, no zero amount, summing to zero. */
export function unbalancedReason(lines: readonly LedgerLine[]): string | null {
  if (lines.length < 2) return `${lines.length} line(s), at least 2 needed`;
  if (lines.some((line) => line.amount === 0n)) return 'a line of 0 đồng';
  const total = lines.reduce((sum, line) => sum + line.amount, 0n);
  return total === 0n ? null : `lines sum to ${total}, not 0`;
}

/** The opposite lines, to reverse a transaction. */
export const reversed = (lines: readonly LedgerLine[]): LedgerLine[] =>
  lines.map((line) => ({ account: line.account, amount: -line.amount }));

/** Lines in one global account order, so concurrent postings lock balance rows in the same order (no deadlock). */
export function inLockOrder(lines: readonly LedgerLine[]): LedgerLine[] {
  const key = (line: LedgerLine) => `${line.account.kind}\u0000${line.account.reference}`;
  return [...lines].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
