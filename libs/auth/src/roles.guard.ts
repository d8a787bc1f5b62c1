import type { Role } from '@khoinghiep/contracts';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type RequestWithUser, ROLES_KEY } from './auth.decorators.js';
import { AuthenticationRequiredError, RoleNotAllowedError } from './auth.errors.js';

/** Enforces `@Roles(...)`: the caller needs at least one of the listed roles. Runs after `JwtAuthGuard`. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!required || required.length === 0) return true;
    const user = context.switchToHttp().getRequest<RequestWithUser>().user;
    if (!user) throw new AuthenticationRequiredError();
    if (!user.roles.some((role) => required.includes(role))) throw new RoleNotAllowedError(required);
    return true;
  }
}
