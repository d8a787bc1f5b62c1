import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AccountStanding } from '../account-standing.js';
import { AccessTokenRevokedError, AccountDeactivatedError } from '../auth.errors.js';
import type { VerifiedAccessToken } from '../authenticated-user.js';
import { AccountStandingRecord } from './account-standing.entity.js';
import { STAFF_ROLES } from './staff-roles.js';

/**
 * A service's check of staff callers against what it has heard from identity: a deactivated account, or a token
 * older than the account's last security change, is refused. Founders and investors pass without a lookup (the
 * gateway checks every caller against the accounts themselves).
 */
@Injectable()
export class ServiceAccountStanding implements AccountStanding {
  constructor(private readonly dataSource: DataSource) {}

  async admit({ user, securityVersion }: VerifiedAccessToken): Promise<void> {
    if (!user.roles.some((role) => STAFF_ROLES.has(role))) return;
    const known = await this.dataSource
      .getRepository(AccountStandingRecord)
      .findOne({ where: { accountId: user.id }, select: { status: true, securityVersion: true } });
    if (!known) return;
    if (known.status === 'deactivated') throw new AccountDeactivatedError();
    if (securityVersion < known.securityVersion) throw new AccessTokenRevokedError();
  }
}
