/** Whoever makes a request, as proven by their access token. */
export interface Caller {
  userId: string;
  roles: readonly string[];
}

/** Fund staff who see every application. */
export const FUND_STAFF = ['fund_officer', 'fund_approver', 'admin'] as const;

export const isFundStaff = (caller: Caller): boolean =>
  caller.roles.some((role) => (FUND_STAFF as readonly string[]).includes(role));

export const mayApply = (caller: Caller): boolean => caller.roles.includes('founder');

/** A founder sees their own applications; fund staff see all. Anyone else is told it does not exist. */
export function maySee(caller: Caller, application: { applicantId: string }): boolean {
  return application.applicantId === caller.userId || isFundStaff(caller);
}

export const isApplicant = (caller: Caller, application: { applicantId: string }): boolean =>
  application.applicantId === caller.userId;
