import { Role } from '@khoinghiep/contracts';

/** Roles whose actions matter enough (reviews, money, classes, accounts) to check the account's standing. */
export const STAFF_ROLES: ReadonlySet<Role> = new Set([
  Role.ProgrammeOfficer,
  Role.FundOfficer,
  Role.FundApprover,
  Role.Trainer,
  Role.Admin,
]);
