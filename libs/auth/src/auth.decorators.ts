import type { Role } from '@khoinghiep/contracts';
import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { AuthenticationRequiredError } from './auth.errors.js';
import type { AuthenticatedUser } from './authenticated-user.js';

export const IS_PUBLIC_KEY = 'khoinghiep:isPublic';
export const ROLES_KEY = 'khoinghiep:roles';
export const SECOND_FACTOR_KEY = 'khoinghiep:secondFactor';

/** Opens a route (or a whole controller) to callers without a token. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);

/** Only callers holding at least one of these roles may use the route (`403` otherwise). */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);

/**
 * Only callers whose token was issued after the second factor (`amr` has `otp`) may use the route: a `403`
 * `SECOND_FACTOR_REQUIRED` problem otherwise. For money decisions; `@Handles` applies it from the route's
 * `secondFactor: true`.
 */
export const RequireSecondFactor = (): MethodDecorator & ClassDecorator =>
  SetMetadata(SECOND_FACTOR_KEY, true);

/** Request objects carry the verified user here. */
export interface RequestWithUser {
  user?: AuthenticatedUser;
}

/** The verified caller `{ id, email, name, roles }`; a `401` if the route was reached without one. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser => {
    const user = context.switchToHttp().getRequest<RequestWithUser>().user;
    if (!user) throw new AuthenticationRequiredError();
    return user;
  },
);
