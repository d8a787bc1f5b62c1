import type { AuthenticatedUser } from '@khoinghiep/auth';
import { Role } from '@khoinghiep/contracts';

/** Whoever makes a request, as proven by their access token. */
export interface Caller {
  userId: string;
  roles: readonly string[];
  /** The sign-in email of the token: the founder's default contact email. */
  email: string;
}

/** The domain's view of the verified caller. */
export const callerOf = (user: AuthenticatedUser): Caller => ({
  userId: user.id,
  roles: user.roles,
  email: user.email,
});

/** The two parties of an interest or an introduction. */
export interface Parties {
  investorId: string;
  projectOwnerId: string;
}

export const isInvestor = (caller: Caller): boolean => caller.roles.includes(Role.Investor);

/**
 * Only the two parties see an interest or an introduction; anyone else is told it does not exist (`404`), so ids
 * do not leak which investors approached which projects.
 */
export function isParty(caller: Caller, parties: Parties): boolean {
  return caller.userId === parties.investorId || caller.userId === parties.projectOwnerId;
}

/** Which side of a list the caller reads: as an investor, what they sent; as a founder, what their projects got. */
export function listedSides(caller: Caller): { asInvestor: boolean; asFounder: boolean } {
  return { asInvestor: isInvestor(caller), asFounder: caller.roles.includes(Role.Founder) };
}
