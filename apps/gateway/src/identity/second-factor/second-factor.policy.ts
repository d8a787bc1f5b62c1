import { Role } from '@khoinghiep/contracts';

/** Roles that decide on money: their accounts must enrol a second factor (issue 7). Others may. */
export const SECOND_FACTOR_ROLES: readonly Role[] = [Role.FundApprover, Role.Admin];

export function secondFactorRequiredFor(roles: readonly Role[]): boolean {
  return roles.some((role) => SECOND_FACTOR_ROLES.includes(role));
}
