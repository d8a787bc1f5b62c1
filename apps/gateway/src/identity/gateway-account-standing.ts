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

/**
 * The gateway checks every caller against the accounts themselves: the account must still exist, be active,
 * and not have had a security change since the token was issued.
 */
@Injectable()
export class GatewayAccountStanding implements AccountStanding {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  async admit({ user, securityVersion }: VerifiedAccessToken): Promise<void> {
    const account = await this.users.findOne({
      where: { id: user.id },
      select: { status: true, securityVersion: true },
    });
    if (!account) throw new AccountNotFoundError();
    if (account.status === 'deactivated') throw new AccountDeactivatedError();
    if (securityVersion < account.securityVersion) throw new AccessTokenRevokedError();
  }
}

/** For `AuthModule.forRootAsync({ imports })`: its guard then runs the check above on every token. */
@Module({
  imports: [TypeOrmModule.forFeature([User])],
  providers: [{ provide: AccountStanding, useClass: GatewayAccountStanding }],
  exports: [AccountStanding],
})
export class GatewayAccountStandingModule {}
