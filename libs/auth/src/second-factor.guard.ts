import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type RequestWithUser, SECOND_FACTOR_KEY } from './auth.decorators.js';
import { AuthenticationRequiredError, SecondFactorRequiredError } from './auth.errors.js';
import { hasSecondFactor } from './authenticated-user.js';

/**
 * Enforces `@RequireSecondFactor()`: the caller's token must have been issued after the second factor. Runs
 * after `JwtAuthGuard` (which puts the user on the request) and `RolesGuard`, in the gateway (on the forwarded
 * route) and again in the service that handles it.
 */
@Injectable()
export class SecondFactorGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const required = this.reflector.getAllAndOverride<boolean | undefined>(SECOND_FACTOR_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (required !== true) return true;
    const user = context.switchToHttp().getRequest<RequestWithUser>().user;
    if (!user) throw new AuthenticationRequiredError();
    if (!hasSecondFactor(user)) throw new SecondFactorRequiredError();
    return true;
  }
}
