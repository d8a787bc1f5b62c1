import type { AccountStatus, Role } from '@khoinghiep/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from './user.entity.js';

export const ACCOUNT_CHANGES = ['deactivated', 'reactivated', 'roles-changed'] as const;
export type AccountChange = (typeof ACCOUNT_CHANGES)[number];

/** Audit of an admin's security change to an account: who, when, why, and the standing it left. */
@Entity('account_security_changes')
@Check('CHK_account_security_changes_change', `"change" IN ('deactivated', 'reactivated', 'roles-changed')`)
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
