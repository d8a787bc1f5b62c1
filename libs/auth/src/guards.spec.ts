import 'reflect-metadata';
import { Role } from '@khoinghiep/contracts';
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ClsServiceManager } from 'nestjs-cls';
import { AccessTokenService } from './access-token.service.js';
import type { AccountStanding } from './account-standing.js';
import { Public, type RequestWithUser, Roles } from './auth.decorators.js';
import {
  AccessTokenExpiredError,
  AccessTokenRevokedError,
  AccountDeactivatedError,
  AuthenticationRequiredError,
  InvalidAccessTokenError,
  RoleNotAllowedError,
} from './auth.errors.js';
import type { AuthenticatedUser, VerifiedAccessToken } from './authenticated-user.js';
import { bearerToken, JwtAuthGuard } from './jwt-auth.guard.js';
import { RolesGuard } from './roles.guard.js';

class Handlers {
  open(): void {}
  closed(): void {}
  adminOnly(): void {}
}
Public()(
  Handlers.prototype,
  'open',
  Object.getOwnPropertyDescriptor(Handlers.prototype, 'open') as PropertyDescriptor,
);
Roles(Role.Admin, Role.ProgrammeOfficer)(
  Handlers.prototype,
  'adminOnly',
  Object.getOwnPropertyDescriptor(Handlers.prototype, 'adminOnly') as PropertyDescriptor,
);

interface FakeRequest extends RequestWithUser {
  path: string;
  headers: Record<string, string | undefined>;
}

function contextFor(handler: keyof Handlers, request: FakeRequest): ExecutionContext {
  return {
    getType: () => 'http',
    getHandler: () => Handlers.prototype[handler],
    getClass: () => Handlers,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
}

const secret = 'unit-test-secret-0123456789abcdef';
const tokens = new AccessTokenService({ secret });
const reflector = new Reflector();
const guard = new JwtAuthGuard(reflector, tokens, { secret });
const rolesGuard = new RolesGuard(reflector);
const founder: AuthenticatedUser = { id: 'u-9', email: 'f@x.vn', name: 'F', roles: [Role.Founder] };

function requestWith(authorization?: string, path = '/api/v1/things'): FakeRequest {
  return { path, headers: { authorization } };
}

describe('bearerToken', () => {
  it('reads the token of a Bearer header and flags a malformed one', () => {
    expect(bearerToken(undefined)).toBeUndefined();
    expect(bearerToken('Bearer abc.def-_.ghi')).toBe('abc.def-_.ghi');
    expect(bearerToken('bearer abc')).toBe('abc');
    expect(bearerToken('Basic dXNlcjpwYXNz')).toBe('');
    expect(bearerToken('Bearer')).toBe('');
  });
});

describe('JwtAuthGuard', () => {
  it('puts the verified user on the request', () => {
    const request = requestWith(`Bearer ${tokens.issue(founder).accessToken}`);
    expect(guard.canActivate(contextFor('closed', request))).toBe(true);
    expect(request.user).toEqual({ ...founder, amr: ['pwd'] });
  });

  it('records the actor in the request context for the events the request causes', () => {
    const cls = ClsServiceManager.getClsService();
    const actor = cls.run(() => {
      guard.canActivate(contextFor('closed', requestWith(`Bearer ${tokens.issue(founder).accessToken}`)));
      return cls.get('actor');
    });
    expect(actor).toEqual({ userId: 'u-9', roles: ['founder'] });
  });

  it('refuses a missing, malformed, forged or expired token with 401', () => {
    expect(() => guard.canActivate(contextFor('closed', requestWith()))).toThrow(AuthenticationRequiredError);
    expect(() => guard.canActivate(contextFor('closed', requestWith('Basic abc')))).toThrow(
      InvalidAccessTokenError,
    );
    const forged = new AccessTokenService({ secret: 'another-secret-0123456789abcdef' }).issue(
      founder,
    ).accessToken;
    expect(() => guard.canActivate(contextFor('closed', requestWith(`Bearer ${forged}`)))).toThrow(
      InvalidAccessTokenError,
    );
    const expired = new AccessTokenService({ secret, accessTokenTtl: 1 });
    const token = expired.issue(founder).accessToken;
    const realNow = Date.now;
    Date.now = () => realNow() + 5000;
    try {
      expect(() => guard.canActivate(contextFor('closed', requestWith(`Bearer ${token}`)))).toThrow(
        AccessTokenExpiredError,
      );
    } finally {
      Date.now = realNow;
    }
  });

  it('lets anyone through a @Public() route, and health and metrics paths', () => {
    expect(guard.canActivate(contextFor('open', requestWith()))).toBe(true);
    expect(guard.canActivate(contextFor('open', requestWith('Bearer garbage')))).toBe(true);
    expect(guard.canActivate(contextFor('closed', requestWith(undefined, '/health/ready')))).toBe(true);
    expect(guard.canActivate(contextFor('closed', requestWith(undefined, '/metrics')))).toBe(true);
  });

  it('still identifies a signed-in caller on a public route', () => {
    const request = requestWith(`Bearer ${tokens.issue(founder).accessToken}`);
    guard.canActivate(contextFor('open', request));
    expect(request.user?.id).toBe('u-9');
  });
});

describe('JwtAuthGuard with an account standing', () => {
  /** A standing that refuses with `refusal` (if given) and records what it was asked. */
  class StandingStub implements AccountStanding {
    readonly asked: VerifiedAccessToken[] = [];
    constructor(private readonly refusal?: Error) {}
    async admit(token: VerifiedAccessToken): Promise<void> {
      this.asked.push(token);
      if (this.refusal) throw this.refusal;
    }
  }

  it('asks it about the verified token before letting the caller in', async () => {
    const standing = new StandingStub();
    const checked = new JwtAuthGuard(reflector, tokens, { secret }, standing);
    const request = requestWith(`Bearer ${tokens.issue(founder, 4).accessToken}`);
    await expect(checked.canActivate(contextFor('closed', request))).resolves.toBe(true);
    expect(request.user).toEqual({ ...founder, amr: ['pwd'] });
    expect(standing.asked).toEqual([
      expect.objectContaining({
        user: { ...founder, amr: ['pwd'] },
        securityVersion: 4,
        issuedAt: expect.any(Date),
      }),
    ]);
  });

  it.each([
    ['deactivated', new AccountDeactivatedError()],
    ['revoked', new AccessTokenRevokedError()],
  ])(
    'refuses a token it calls %s, with its error, and leaves no user on the request',
    async (_case, refusal) => {
      const checked = new JwtAuthGuard(reflector, tokens, { secret }, new StandingStub(refusal));
      const request = requestWith(`Bearer ${tokens.issue(founder).accessToken}`);
      await expect(checked.canActivate(contextFor('closed', request))).rejects.toBe(refusal);
      expect(request.user).toBeUndefined();
    },
  );

  it('does not hide a failing lookup, even on a public route', async () => {
    const outage = new Error('connection terminated');
    const checked = new JwtAuthGuard(reflector, tokens, { secret }, new StandingStub(outage));
    const request = requestWith(`Bearer ${tokens.issue(founder).accessToken}`);
    await expect(checked.canActivate(contextFor('open', request))).rejects.toBe(outage);
  });

  it('treats a refused token on a public route as no token at all', async () => {
    const checked = new JwtAuthGuard(
      reflector,
      tokens,
      { secret },
      new StandingStub(new AccountDeactivatedError()),
    );
    const request = requestWith(`Bearer ${tokens.issue(founder).accessToken}`);
    await expect(checked.canActivate(contextFor('open', request))).resolves.toBe(true);
    expect(request.user).toBeUndefined();
  });
});

describe('RolesGuard', () => {
  it('lets a route without @Roles through', () => {
    expect(rolesGuard.canActivate(contextFor('closed', { ...requestWith(), user: founder }))).toBe(true);
  });

  it('lets a caller holding one of the roles through', () => {
    const officer = { ...founder, roles: [Role.Founder, Role.ProgrammeOfficer] };
    expect(rolesGuard.canActivate(contextFor('adminOnly', { ...requestWith(), user: officer }))).toBe(true);
  });

  it('refuses any other role with 403 naming the roles needed', () => {
    expect(() =>
      rolesGuard.canActivate(contextFor('adminOnly', { ...requestWith(), user: founder })),
    ).toThrow(RoleNotAllowedError);
    try {
      rolesGuard.canActivate(contextFor('adminOnly', { ...requestWith(), user: founder }));
    } catch (error) {
      expect(error).toMatchObject({ status: 403, params: { roles: 'admin, programme_officer' } });
    }
  });

  it('refuses an anonymous caller with 401', () => {
    expect(() => rolesGuard.canActivate(contextFor('adminOnly', requestWith()))).toThrow(
      AuthenticationRequiredError,
    );
  });
});
