import type { AuthenticatedUser } from '@khoinghiep/auth';
import { Role } from '@khoinghiep/contracts';

/** The domain's view of the verified caller of a funds or calls command. */
export interface Caller {
  userId: string;
  roles: readonly string[];
}

export function callerOf(user: AuthenticatedUser): Caller {
  return { userId: user.id, roles: user.roles };
}

const hasAny = (caller: Caller, roles: readonly Role[]) => roles.some((role) => caller.roles.includes(role));

/** Who keeps funds: fund officers and admins. */
export const FUND_KEEPERS: readonly Role[] = [Role.FundOfficer, Role.Admin];
/** Who runs calls: fund officers. */
export const CALL_RUNNERS: readonly Role[] = [Role.FundOfficer];
/** Who may read drafts and the audit trail of calls: fund staff and admins. */
export const FUND_STAFF: readonly Role[] = [Role.FundOfficer, Role.FundApprover, Role.Admin];

export const mayKeepFunds = (caller: Caller) => hasAny(caller, FUND_KEEPERS);
export const mayRunCalls = (caller: Caller) => hasAny(caller, CALL_RUNNERS);
export const mayReadCallDrafts = (caller: Caller) => hasAny(caller, FUND_STAFF);
