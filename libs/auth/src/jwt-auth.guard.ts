import { DomainError } from '@khoinghiep/http';
import type { ContextActor, RequestContextStore } from '@khoinghiep/observability';
import { type CanActivate, type ExecutionContext, Inject, Injectable, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ClsServiceManager } from 'nestjs-cls';
import { AccessTokenService } from './access-token.service.js';
import { AccountStanding } from './account-standing.js';
import { IS_PUBLIC_KEY, type RequestWithUser } from './auth.decorators.js';
import { AuthenticationRequiredError, InvalidAccessTokenError } from './auth.errors.js';
import { AUTH_MODULE_OPTIONS, type AuthModuleOptions, DEFAULT_PUBLIC_PATHS } from './auth.options.js';
import type { AuthenticatedUser, VerifiedAccessToken } from './authenticated-user.js';

/** The token of an `Authorization: Bearer <token>` header; `undefined` when absent, `''` when malformed. */
export function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined || header === '') return undefined;
  const match = /^Bearer\s+([A-Za-z0-9\-_.~+/]+=*)\s*$/i.exec(header);
  return match?.[1] ?? '';
}

/** Records who is acting in the request context, for logs and for the actor of every event the request causes. */
function recordActor(user: AuthenticatedUser): void {
  const cls = ClsServiceManager.getClsService<RequestContextStore>();
  if (!cls.isActive()) return;
  const actor: ContextActor = { userId: user.id, roles: [...user.roles] };
  cls.set('actor', actor);
}

/**
 * Verifies the caller's access token on every HTTP route that is not `@Public()`, puts the user on
 * `request.user` (for `@CurrentUser()`) and the actor in the request context. Where the app provides an
 * `AccountStanding`, the token's account must pass it too. Non-HTTP handlers (Kafka consumers) are not its business.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  private readonly publicPaths: ReadonlySet<string>;

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
    @Inject(AUTH_MODULE_OPTIONS) options: AuthModuleOptions,
    @Optional() private readonly standing?: AccountStanding,
  ) {
    this.publicPaths = new Set(options.publicPaths ?? DEFAULT_PUBLIC_PATHS);
  }

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request & RequestWithUser>();
    const isPublic =
      this.publicPaths.has(request.path) ||
      this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC_KEY, [
        context.getHandler(),
        context.getClass(),
      ]) === true;

    const token = bearerToken(request.headers.authorization);
    if (token === undefined) {
      if (isPublic) return true;
      throw new AuthenticationRequiredError();
    }
    if (token === '') {
      if (isPublic) return true;
      throw new InvalidAccessTokenError();
    }
    let verified: VerifiedAccessToken;
    try {
      verified = this.tokens.verifyToken(token);
    } catch (error) {
      // A public route serves anonymous callers; a bad token there just means "anonymous".
      if (isPublic) return true;
      throw error;
    }
    if (!this.standing) return admit(request, verified.user);
    return this.standing.admit(verified).then(
      () => admit(request, verified.user),
      (error: unknown) => {
        // A refused account is anonymous on a public route; a failing lookup is a failure everywhere.
        if (isPublic && error instanceof DomainError) return true;
        throw error;
      },
    );
  }
}

function admit(request: RequestWithUser, user: AuthenticatedUser): true {
  request.user = user;
  recordActor(user);
  return true;
}
