import type { ApplicationStatus } from '@khoinghiep/contracts';

/** What a founder does to an application. Approval and rejection belong to decisions (built elsewhere). */
export type ApplicationTransition = 'submit' | 'withdraw';

const TRANSITIONS: Record<
  ApplicationTransition,
  { from: readonly ApplicationStatus[]; to: ApplicationStatus }
> = {
  submit: { from: ['draft'], to: 'submitted' },
  withdraw: { from: ['draft', 'submitted'], to: 'withdrawn' },
};

/** Only drafts are edited. */
export const EDITABLE_STATUSES: readonly ApplicationStatus[] = ['draft'];

export const isEditable = (status: ApplicationStatus): boolean => EDITABLE_STATUSES.includes(status);

export type TransitionOutcome =
  | { allowed: true; to: ApplicationStatus }
  | { allowed: false; from: ApplicationStatus; allowedFrom: readonly ApplicationStatus[] };

export function transition(from: ApplicationStatus, action: ApplicationTransition): TransitionOutcome {
  const rule = TRANSITIONS[action];
  return rule.from.includes(from)
    ? { allowed: true, to: rule.to }
    : { allowed: false, from, allowedFrom: rule.from };
}
