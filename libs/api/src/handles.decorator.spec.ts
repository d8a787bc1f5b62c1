import 'reflect-metadata';
import { AccessTokenService, JwtAuthGuard, RolesGuard, SecondFactorGuard } from '@khoinghiep/auth';
import { defineRoutes, ProjectRoutes, Role } from '@khoinghiep/contracts';
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Handles } from './handles.decorator.js';

const { decide } = defineRoutes(
  { service: 'funding', tag: 'money' },
  { decide: { ...ProjectRoutes.submitProject, access: [Role.FundApprover], secondFactor: true } },
);

/** A service's handler of a money route, as a service would write it. */
class MoneyController {
  @Handles(decide)
  async decide(): Promise<never> {
    throw new Error('not reached in this test');
  }

  @Handles(ProjectRoutes.submitProject)
  async submit(): Promise<never> {
    throw new Error('not reached in this test');
  }
}

const secret = 'unit-test-secret-0123456789abcdef';
const tokens = new AccessTokenService({ secret });
const reflector = new Reflector();
const guards = [
  new JwtAuthGuard(reflector, tokens, { secret }),
  new RolesGuard(reflector),
  new SecondFactorGuard(reflector),
];

/** The service's global guards, in order, on a call of `handler` with this token. */
async function admitted(handler: 'decide' | 'submit', token: string): Promise<boolean> {
  const request = { path: '/api/v1/x', headers: { authorization: `Bearer ${token}` } };
  const context = {
    getType: () => 'http',
    getHandler: () => MoneyController.prototype[handler],
    getClass: () => MoneyController,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
  for (const guard of guards) await guard.canActivate(context);
  return true;
}

describe('@Handles on a route declared with secondFactor', () => {
  const approver = { id: 'u-1', email: 'a@x.vn', name: 'A', roles: [Role.FundApprover, Role.Founder] };

  it('makes the service refuse a password-only token with SECOND_FACTOR_REQUIRED', async () => {
    await expect(admitted('decide', tokens.issue(approver).accessToken)).rejects.toMatchObject({
      status: 403,
      code: 'SECOND_FACTOR_REQUIRED',
    });
  });

  it('lets a token issued after the second factor through, and leaves other routes alone', async () => {
    await expect(
      admitted('decide', tokens.issue({ ...approver, amr: ['pwd', 'otp'] }).accessToken),
    ).resolves.toBe(true);
    await expect(admitted('submit', tokens.issue(approver).accessToken)).resolves.toBe(true);
  });
});
