import 'reflect-metadata';
import { Role } from '@khoinghiep/contracts';
import type { DataSource } from 'typeorm';
import { AccessTokenRevokedError, AccountDeactivatedError } from '../auth.errors.js';
import type { VerifiedAccessToken } from '../authenticated-user.js';
import type { AccountStandingRecord } from './account-standing.entity.js';
import { ServiceAccountStanding } from './service-account-standing.js';

/** The read model as a map, behind the one repository call the check makes. */
function standingWith(known: Record<string, Pick<AccountStandingRecord, 'status' | 'securityVersion'>>) {
  const lookups: string[] = [];
  const dataSource = {
    getRepository: () => ({
      findOne: async ({ where }: { where: { accountId: string } }) => {
        lookups.push(where.accountId);
        return known[where.accountId] ?? null;
      },
    }),
  } as unknown as DataSource;
  return { standing: new ServiceAccountStanding(dataSource), lookups };
}

const token = (id: string, roles: Role[], securityVersion = 0): VerifiedAccessToken => ({
  user: { id, email: `${id}@x.vn`, name: id, roles },
  securityVersion,
  issuedAt: new Date(),
  expiresAt: new Date(Date.now() + 60_000),
});

describe('ServiceAccountStanding', () => {
  const { standing, lookups } = standingWith({
    gone: { status: 'deactivated', securityVersion: 1 },
    moved: { status: 'active', securityVersion: 2 },
  });

  it('refuses a staff caller whose account it knows is deactivated', async () => {
    await expect(standing.admit(token('gone', [Role.ProgrammeOfficer], 5))).rejects.toBeInstanceOf(
      AccountDeactivatedError,
    );
  });

  it('refuses a staff token issued before the account last changed, and admits one issued since', async () => {
    await expect(standing.admit(token('moved', [Role.FundOfficer], 1))).rejects.toBeInstanceOf(
      AccessTokenRevokedError,
    );
    await expect(standing.admit(token('moved', [Role.FundOfficer], 2))).resolves.toBeUndefined();
  });

  it('admits a staff caller it has not heard of (never changed: active, version 0)', async () => {
    await expect(standing.admit(token('new-officer', [Role.Trainer]))).resolves.toBeUndefined();
  });

  it('lets founders and investors through without a lookup', async () => {
    lookups.length = 0;
    await expect(standing.admit(token('gone', [Role.Founder]))).resolves.toBeUndefined();
    await expect(standing.admit(token('gone', [Role.Investor]))).resolves.toBeUndefined();
    expect(lookups).toEqual([]);
  });
});
