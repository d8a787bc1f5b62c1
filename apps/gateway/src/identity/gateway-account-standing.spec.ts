import { jest } from '@jest/globals';
import { AccessTokenRevokedError, AccountDeactivatedError, type VerifiedAccessToken } from '@khoinghiep/auth';
import { Role } from '@khoinghiep/contracts';
import type { Repository } from 'typeorm';
import { GatewayAccountStanding, STANDING_TTL_MS } from './gateway-account-standing.js';
import type { User } from './user.entity.js';

const ID = '0194a9d2-3c6e-7a3b-8f1e-00000000000a';
const token = (securityVersion: number): VerifiedAccessToken => ({
  user: { id: ID, email: 'officer@sokhcn.gov.vn', name: 'Cán bộ', roles: [Role.ProgrammeOfficer] },
  securityVersion,
  issuedAt: new Date('2026-11-29T05:00:00Z'),
  expiresAt: new Date('2026-11-29T05:15:00Z'),
});

function accounts(initial: Pick<User, 'status' | 'securityVersion'>) {
  let stored = initial;
  const findOne = jest.fn(async () => ({ ...stored }));
  const repository = { findOne } as unknown as Repository<User>;
  return {
    standing: new GatewayAccountStanding(repository),
    findOne,
    store: (next: typeof stored) => (stored = next),
  };
}

describe('GatewayAccountStanding', () => {
  afterEach(() => jest.useRealTimers());

  it('reads an account once for the requests of one moment, not once per request', async () => {
    const { standing, findOne } = accounts({ status: 'active', securityVersion: 0 });
    for (let i = 0; i < 5; i++) await standing.admit(token(0));
    expect(findOne).toHaveBeenCalledTimes(1);
  });

  it('refuses at once after this gateway changed the account and forgot it', async () => {
    const { standing, store } = accounts({ status: 'active', securityVersion: 0 });
    await standing.admit(token(0));
    store({ status: 'deactivated', securityVersion: 1 });
    standing.forget(ID);
    await expect(standing.admit(token(0))).rejects.toBeInstanceOf(AccountDeactivatedError);
  });

  it('sees a change made elsewhere once what it read is older than the trust period', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] });
    const { standing, store, findOne } = accounts({ status: 'active', securityVersion: 0 });
    await standing.admit(token(0));
    store({ status: 'active', securityVersion: 1 });
    jest.advanceTimersByTime(STANDING_TTL_MS + 1);
    await expect(standing.admit(token(0))).rejects.toBeInstanceOf(AccessTokenRevokedError);
    expect(findOne).toHaveBeenCalledTimes(2);
  });
});
