import {
  AccessTokenRevokedError,
  AccountDeactivatedError,
  AccountStanding,
  type VerifiedAccessToken,
} from '@khoinghiep/auth';
import { Injectable, Module } from '@nestjs/common';
import { InjectRepository, TypeOrmModule } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { AccountNotFoundError } from './identity.errors.js';
import { User } from './user.entity.js';

type Standing = Pick<User, 'status' | 'securityVersion'>;

/**
 * How long the gateway trusts what it read of an account. A change made through this gateway counts at once (it
 * forgets the account after the commit); one made through another gateway counts within this time. Without it,
 * every request would cost a query of its own (ADR 0010).
 */
export const STANDING_TTL_MS = 1000;
const MAX_REMEMBERED = 10_000;

/**
 * The gateway checks every caller against the accounts themselves: the account must still exist, be active,
 * and not have had a security change since the token was issued.
 */
@Injectable()
export class GatewayAccountStanding implements AccountStanding {
  private readonly recent = new Map<string, { standing: Standing; readAt: number }>();

  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  async admit({ user, securityVersion }: VerifiedAccessToken): Promise<void> {
    const account = await this.standingOf(user.id);
    if (!account) throw new AccountNotFoundError();
    if (account.status === 'deactivated') throw new AccountDeactivatedError();
    if (securityVersion < account.securityVersion) throw new AccessTokenRevokedError();
  }

  /** Forgets what was read of an account, after this gateway changed it. */
  forget(accountId: string): void {
    this.recent.delete(accountId);
  }

  private async standingOf(accountId: string): Promise<Standing | null> {
    const now = performance.now();
    const remembered = this.recent.get(accountId);
    if (remembered && now - remembered.readAt < STANDING_TTL_MS) return remembered.standing;
    const standing = await this.users.findOne({
      where: { id: accountId },
      select: { status: true, securityVersion: true },
    });
    if (!standing) {
      this.recent.delete(accountId);
      return null;
    }
    if (this.recent.size >= MAX_REMEMBERED) this.recent.clear();
    this.recent.set(accountId, { standing, readAt: now });
    return standing;
  }
}

/** For `AuthModule.forRootAsync({ imports })`: its guard then runs the check above on every token. */
@Module({
  imports: [TypeOrmModule.forFeature([User])],
  providers: [GatewayAccountStanding, { provide: AccountStanding, useExisting: GatewayAccountStanding }],
  exports: [AccountStanding, GatewayAccountStanding],
})
export class GatewayAccountStandingModule {}
