import type { InterestStatus } from '@khoinghiep/contracts';

/** What can happen to an interest: its founder answers it, or its investor takes it back. */
export type InterestAction = 'accept' | 'decline' | 'withdraw';

/**
 * The life of an interest: open until one of three things happens to it, after which nothing can.
 *
 * ```
 * open ──accept──▶ accepted (an introduction is made)
 *      ──decline─▶ declined
 *      ──withdraw▶ withdrawn
 * ```
 */
export const INTEREST_TRANSITIONS: Readonly<Record<InterestAction, InterestStatus>> = {
  accept: 'accepted',
  decline: 'declined',
  withdraw: 'withdrawn',
};

export type InterestTransition =
  | { allowed: true; to: InterestStatus }
  | { allowed: false; from: InterestStatus };

export function interestTransition(current: InterestStatus, action: InterestAction): InterestTransition {
  return current === 'open'
    ? { allowed: true, to: INTEREST_TRANSITIONS[action] }
    : { allowed: false, from: current };
}
