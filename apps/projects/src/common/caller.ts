import type { AuthenticatedUser } from '@khoinghiep/auth';
import type { Caller } from '../projects/project-access.policy.js';

/** The domain's view of the verified caller. */
export function callerOf(user: AuthenticatedUser): Caller {
  return { userId: user.id, roles: user.roles };
}
