import { IsArray, IsIn, IsInt, IsString, IsUUID, MaxLength, Min, MinLength } from 'class-validator';
import { defineEvent } from '../define-event.js';
import { TOPICS } from '../topics.js';

// Facts about accounts, published by the gateway (which owns identity) on `identity.events`, keyed by account id.
// Services keep what they need of them (a read model of account standing) instead of asking the gateway.

export const ACCOUNT_STATUSES = ['active', 'deactivated'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** Longest reason an admin can give for a change to an account. */
export const ACCOUNT_CHANGE_REASON_MAX = 500;

const AGGREGATE = 'account';

/**
 * An account's standing after a security change: every such event carries the whole of it, so a reader needs no
 * earlier event to know where the account stands, and keeps the one with the highest `securityVersion`.
 */
export class AccountStandingPayload {
  @IsUUID()
  accountId!: string;

  @IsIn(ACCOUNT_STATUSES)
  status!: AccountStatus;

  /** The account's roles after the change; plain strings, so a role added later does not break old readers. */
  @IsArray()
  @IsString({ each: true })
  roles!: string[];

  /** Raised by every security change; tokens carrying a lower one (`sv`) were issued before it. */
  @IsInt()
  @Min(1)
  securityVersion!: number;

  /** Why the admin made the change (also in the gateway's audit of the account). */
  @IsString()
  @MinLength(1)
  @MaxLength(ACCOUNT_CHANGE_REASON_MAX)
  reason!: string;
}

export class AccountDeactivatedPayload extends AccountStandingPayload {}
export class AccountReactivatedPayload extends AccountStandingPayload {}
export class AccountRolesChangedPayload extends AccountStandingPayload {}

/** An admin deactivated an account: its tokens are refused from now on. */
export const AccountDeactivated = defineEvent({
  topic: TOPICS.identity.name,
  type: 'identity.account.deactivated',
  version: 1,
  aggregateType: AGGREGATE,
  payload: AccountDeactivatedPayload,
});

/** An admin reactivated an account: it may sign in again (tokens from before stay refused). */
export const AccountReactivated = defineEvent({
  topic: TOPICS.identity.name,
  type: 'identity.account.reactivated',
  version: 1,
  aggregateType: AGGREGATE,
  payload: AccountReactivatedPayload,
});

/** An admin changed an account's roles: tokens issued with the old roles are refused. */
export const AccountRolesChanged = defineEvent({
  topic: TOPICS.identity.name,
  type: 'identity.account.roles-changed',
  version: 1,
  aggregateType: AGGREGATE,
  payload: AccountRolesChangedPayload,
});

/** Every identity event that moves an account's standing. */
export const ACCOUNT_STANDING_EVENTS = [AccountDeactivated, AccountReactivated, AccountRolesChanged] as const;
