import 'reflect-metadata';
import { Role } from '@khoinghiep/contracts';
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AccessTokenService } from './access-token.service.js';
import { type RequestWithUser, RequireSecondFactor } from './auth.decorators.js';
import { AuthenticationRequiredError, SecondFactorRequiredError } from './auth.errors.js';
import type { AuthenticatedUser } from './authenticated-user.js';
import { JwtAuthGuard } from './jwt-auth.guard.js';
import { SecondFactorGuard } from './second-factor.guard.js';

class Handlers {
  decide(): void {}
  read(): void {}
}
RequireSecondFactor()(
  Handlers.prototype,
  'decide',
  Object.getOwnPropertyDescriptor(Handlers.prototype, 'decide') as PropertyDescriptor,
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
const jwtGuard = new JwtAuthGuard(reflector, tokens, { secret });
const guard = new SecondFactorGuard(reflector);
const approver: AuthenticatedUser = { id: 'u-7', email: 'a@x.vn', name: 'A', roles: [Role.FundApprover] };

/** Both guards in the order the module registers them, on a request with this token. */
async function call(handler: keyof Handlers, token?: string): Promise<boolean> {
  const request: FakeRequest = { path: '/api/v1/x', headers: { authorization: token && `Bearer ${token}` } };
  const context = contextFor(handler, request);
  await jwtGuard.canActivate(context);
  return guard.canActivate(context);
}

describe('SecondFactorGuard', () => {
  it('admits a token issued after the second factor on a route that requires it', async () => {
    const token = tokens.issue({ ...approver, amr: ['pwd', 'otp'] }).accessToken;
    await expect(call('decide', token)).resolves.toBe(true);
  });

  it('refuses a password-only token there with a 403 second-factor-required problem', async () => {
    const token = tokens.issue(approver).accessToken;
    const refusal = call('decide', token);
    await expect(refusal).rejects.toThrow(SecondFactorRequiredError);
    await expect(refusal).rejects.toMatchObject({ status: 403, code: 'SECOND_FACTOR_REQUIRED' });
  });

  it('leaves routes without the flag to the other guards', async () => {
    await expect(call('read', tokens.issue(approver).accessToken)).resolves.toBe(true);
  });

  it('asks for a token when the route requiring the second factor is reached without a user', () => {
    const request: FakeRequest = { path: '/api/v1/x', headers: {} };
    expect(() => guard.canActivate(contextFor('decide', request))).toThrow(AuthenticationRequiredError);
  });
});

describe('access tokens and the second factor', () => {
  it('carry amr: password only unless the issuer says otherwise', () => {
    expect(tokens.verify(tokens.issue(approver).accessToken).amr).toEqual(['pwd']);
    expect(tokens.verify(tokens.issue({ ...approver, amr: ['pwd', 'otp'] }).accessToken).amr).toEqual([
      'pwd',
      'otp',
    ]);
  });

  it('are never accepted as a sign-in challenge, nor a challenge as an access token', () => {
    const { challengeToken } = tokens.issueChallenge(approver.id, 3);
    expect(tokens.verifyChallenge(challengeToken)).toEqual({ accountId: approver.id, securityVersion: 3 });
    expect(() => tokens.verify(challengeToken)).toThrow();
    expect(tokens.verifyChallenge(tokens.issue(approver).accessToken)).toBeNull();
    expect(tokens.verifyChallenge('not-a-token')).toBeNull();
  });
});
