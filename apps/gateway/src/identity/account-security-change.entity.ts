import type { AccountStatus, Role } from '@khoinghiep/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from './user.entity.js';

export const ACCOUNT_CHANGES = [
  'deactivated',
  'reactivated',
  'roles-changed',
  'second-factor-enrolled',
  'second-factor-disabled',
  'second-factor-reset',
  'recovery-code-used',
] as const;
export type AccountChange = (typeof ACCOUNT_CHANGES)[number];
/** The changes an admin makes to someone else's account (published on `identity.events`). */
export type AdminAccountChange = Extract<AccountChange, 'deactivated' | 'reactivated' | 'roles-changed'>;

/**
 * Audit of a security change to an account: who, when, why, and the standing it left. An admin's (status,
 * roles), or the account holder's own (second factor enrolled or disabled, a recovery code used).
 */
@Entity('account_security_changes')
@Check(
  'CHK_account_security_changes_change',
  `"change" IN (${ACCOUNT_CHANGES.map((change) => `'${change}'`).join(', ')})`,
)
@Index('IDX_account_security_changes_account', ['accountId', 'occurredAt'])
export class AccountSecurityChange {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_account_security_changes' })
  id!: string;

  @Column({ type: 'uuid' })
  accountId!: string;

  @ManyToOne(() => User, { nullable: false })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'FK_account_security_changes_account' })
  account?: User;

  @Column({ type: 'varchar', length: 32 })
  change!: AccountChange;

  @Column({ type: 'varchar', length: 500 })
  reason!: string;

  @Column({ type: 'uuid' })
  actorId!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: AccountStatus;

  @Column({ type: 'text', array: true })
  roles!: Role[];

  @Column({ type: 'integer' })
  securityVersion!: number;

  @Column({ type: 'timestamptz' })
  occurredAt!: Date;
}
