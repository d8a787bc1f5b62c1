import type { AccountStatus } from '@khoinghiep/contracts';
import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * What a service has heard of an account's standing from `identity.events`: only accounts that had a security
 * change are here (see ADR 0008: an account not here is taken as active, at security version 0).
 */
@Entity('account_standing')
@Check('CHK_account_standing_status', `"status" IN ('active', 'deactivated')`)
export class AccountStandingRecord {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_account_standing' })
  accountId!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: AccountStatus;

  @Column({ type: 'integer' })
  securityVersion!: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
