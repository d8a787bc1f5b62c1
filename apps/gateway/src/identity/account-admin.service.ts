import { Clock, IdGenerator } from '@khoinghiep/clock';
import {
  AccountDeactivated,
  AccountReactivated,
  AccountRolesChanged,
  type AccountStandingPayload,
  type EventContract,
  type Role,
} from '@khoinghiep/contracts';
import { UnitOfWork } from '@khoinghiep/messaging';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccountSecurityChange, type AdminAccountChange } from './account-security-change.entity.js';
import { GatewayAccountStanding } from './gateway-account-standing.js';
import {
  AccountAlreadyInStatusError,
  AccountNotFoundByIdError,
  OwnAccountChangeError,
} from './identity.errors.js';
import { User } from './user.entity.js';

/** Who makes a change to an account, and why. */
export interface AccountChangeRequest {
  accountId: string;
  actorId: string;
  reason: string;
}

const EVENT_OF: Record<AdminAccountChange, EventContract<AccountStandingPayload>> = {
  deactivated: AccountDeactivated,
  reactivated: AccountReactivated,
  'roles-changed': AccountRolesChanged,
};

/**
 * An admin's security changes to accounts: deactivation, reactivation, roles. Each raises the account's security
 * version (older tokens are refused), is audited, and is published on `identity.events` in the same transaction,
 * so services that check staff callers learn of it.
 */
@Injectable()
export class AccountAdminService {
  private readonly logger = new Logger(AccountAdminService.name);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    private readonly dataSource: DataSource,
    private readonly standing: GatewayAccountStanding,
  ) {}

  /** The account's audit of security changes, newest first; `AccountNotFoundByIdError` for an unknown account. */
  async history(accountId: string): Promise<AccountSecurityChange[]> {
    if (!(await this.dataSource.getRepository(User).existsBy({ id: accountId }))) {
      throw new AccountNotFoundByIdError();
    }
    return this.dataSource
      .getRepository(AccountSecurityChange)
      .find({ where: { accountId }, order: { occurredAt: 'DESC', securityVersion: 'DESC' } });
  }

  deactivate(request: AccountChangeRequest): Promise<User> {
    return this.change(request, 'deactivated', (user) => {
      if (user.status === 'deactivated') throw new AccountAlreadyInStatusError('deactivated');
      user.status = 'deactivated';
    });
  }

  reactivate(request: AccountChangeRequest): Promise<User> {
    return this.change(request, 'reactivated', (user) => {
      if (user.status === 'active') throw new AccountAlreadyInStatusError('active');
      user.status = 'active';
    });
  }

  changeRoles(request: AccountChangeRequest & { roles: readonly Role[] }): Promise<User> {
    return this.change(request, 'roles-changed', (user) => {
      user.roles = [...new Set(request.roles)];
    });
  }

  private change(
    { accountId, actorId, reason }: AccountChangeRequest,
    change: AdminAccountChange,
    apply: (user: User) => void,
  ): Promise<User> {
    // An admin locking themselves out (or dropping their own admin role) leaves nobody to undo it.
    if (accountId === actorId) return Promise.reject(new OwnAccountChangeError());
    return this.unitOfWork.run(async (tx) => {
      const users = tx.manager.getRepository(User);
      const user = await users.findOne({ where: { id: accountId }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new AccountNotFoundByIdError();
      apply(user);
      user.securityVersion += 1;
      await users.save(user);
      await tx.manager.getRepository(AccountSecurityChange).insert({
        id: this.ids.next(),
        accountId,
        change,
        reason,
        actorId,
        status: user.status,
        roles: user.roles,
        securityVersion: user.securityVersion,
        occurredAt: this.clock.now(),
      });
      tx.record(EVENT_OF[change], accountId, {
        accountId,
        status: user.status,
        roles: [...user.roles],
        securityVersion: user.securityVersion,
        reason,
      });
      tx.afterCommit(() => this.standing.forget(accountId));
      this.logger.log(
        `account ${accountId} ${change} by ${actorId} (security version ${user.securityVersion})`,
      );
      return user;
    });
  }
}
