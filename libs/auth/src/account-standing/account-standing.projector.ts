import {
  AccountDeactivated,
  AccountReactivated,
  AccountRolesChanged,
  type AccountStandingPayload,
} from '@khoinghiep/contracts';
import { type EventContext, OnEvent } from '@khoinghiep/messaging';
import { Controller } from '@nestjs/common';
import { AccountStandingRecord } from './account-standing.entity.js';

/**
 * Keeps `account_standing` from the gateway's identity events. Each event carries the whole standing, so the
 * projector keeps the highest security version it has seen and ignores anything older.
 */
@Controller()
export class AccountStandingProjector {
  @OnEvent(AccountDeactivated)
  onDeactivated(payload: AccountStandingPayload, context: EventContext): Promise<void> {
    return this.keep(payload, context);
  }

  @OnEvent(AccountReactivated)
  onReactivated(payload: AccountStandingPayload, context: EventContext): Promise<void> {
    return this.keep(payload, context);
  }

  @OnEvent(AccountRolesChanged)
  onRolesChanged(payload: AccountStandingPayload, context: EventContext): Promise<void> {
    return this.keep(payload, context);
  }

  private async keep(payload: AccountStandingPayload, context: EventContext): Promise<void> {
    await context.manager
      .createQueryBuilder()
      .insert()
      .into(AccountStandingRecord)
      .values({
        accountId: payload.accountId,
        status: payload.status,
        securityVersion: payload.securityVersion,
      })
      .orUpdate(['status', 'security_version', 'updated_at'], ['account_id'], {
        overwriteCondition: {
          where: 'account_standing.security_version < EXCLUDED.security_version',
        },
      })
      .execute();
  }
}
