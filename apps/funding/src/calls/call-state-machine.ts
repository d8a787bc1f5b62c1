import type { CallStatus } from '@khoinghiep/contracts';

/** Actions that move a call from one state to another. */
export type CallTransition = 'open' | 'close' | 'finalise';

interface TransitionRule {
  from: readonly CallStatus[];
  to: CallStatus;
}

/**
 * The life of a funding call (đợt):
 *
 * ```
 * draft ──open──▶ open ──close──▶ closed ──finalise──▶ finalised
 * ```
 * A draft is edited freely; the budget changes in every state but `finalised`.
 */
export const CALL_TRANSITIONS: Readonly<Record<CallTransition, TransitionRule>> = {
  open: { from: ['draft'], to: 'open' },
  close: { from: ['open'], to: 'closed' },
  finalise: { from: ['closed'], to: 'finalised' },
};

/** Only a draft's terms are edited: once open, applicants rely on them. */
export const EDITABLE_CALL_STATUSES: readonly CallStatus[] = ['draft'];

/** The budget can be raised or lowered until the call is finalised. */
export const BUDGET_CHANGEABLE_STATUSES: readonly CallStatus[] = ['draft', 'open', 'closed'];

/** Who outside fund staff may see the call: every state but `draft`. */
export const PUBLIC_CALL_STATUSES: readonly CallStatus[] = ['open', 'closed', 'finalised'];

export type TransitionOutcome =
  | { allowed: true; to: CallStatus }
  | { allowed: false; from: CallStatus; allowedFrom: readonly CallStatus[] };

/** Where `action` takes a call that is `current`, or why it cannot. */
export function transition(current: CallStatus, action: CallTransition): TransitionOutcome {
  const rule = CALL_TRANSITIONS[action];
  return rule.from.includes(current)
    ? { allowed: true, to: rule.to }
    : { allowed: false, from: current, allowedFrom: rule.from };
}

/** Every transition possible from `status`. */
export function availableTransitions(status: CallStatus): CallTransition[] {
  return (Object.keys(CALL_TRANSITIONS) as CallTransition[]).filter((action) =>
    CALL_TRANSITIONS[action].from.includes(status),
  );
}
