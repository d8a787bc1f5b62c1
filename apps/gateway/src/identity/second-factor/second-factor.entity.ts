import { Check, Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';
import { User } from '../user.entity.js';

export const SECOND_FACTOR_STATUSES = ['pending', 'active'] as const;
/** `pending`: enrolled, waiting for a first valid code; `active`: asked for at every sign-in. */
export type SecondFactorStatus = (typeof SECOND_FACTOR_STATUSES)[number];

/** A `bigint` column read as a JavaScript number (TOTP steps are far below 2^53). */
const stepTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/**
 * An account's TOTP authenticator (RFC 6238). The secret is kept encrypted (AES-256-GCM) and never shown again
 * after enrolment; `lastUsedStep` is the time step of the last accepted code, so a code is good once.
 */
@Entity('second_factors')
@Check('CHK_second_factors_status', `"status" IN ('pending', 'active')`)
@Check('CHK_second_factors_confirmed', `("status" = 'active') = ("confirmed_at" IS NOT NULL)`)
@Check('CHK_second_factors_last_used_step', `"last_used_step" IS NULL OR "last_used_step" >= 0`)
@Check('CHK_second_factors_failed_attempts', `"failed_attempts" >= 0`)
export class SecondFactor {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_second_factors' })
  accountId!: string;

  @OneToOne(() => User, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'FK_second_factors_account' })
  account?: User;

  @Column({ type: 'text' })
  secretCiphertext!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: SecondFactorStatus;

  @Column({ type: 'bigint', nullable: true, transformer: stepTransformer })
  lastUsedStep!: number | null;

  /** Wrong codes since the last right one; at the limit, attempts are refused until `lockedUntil`. */
  @Column({ type: 'integer', default: 0 })
  failedAttempts!: number;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt!: Date | null;
}

/** One recovery code of an account, argon2id-hashed: shown once at enrolment, each usable once. */
@Entity('recovery_codes')
@Index('IDX_recovery_codes_account', ['accountId'])
@Check('CHK_recovery_codes_used_after_created', `"used_at" IS NULL OR "used_at" >= "created_at"`)
export class RecoveryCode {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_recovery_codes' })
  id!: string;

  @Column({ type: 'uuid' })
  accountId!: string;

  @ManyToOne(() => User, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'FK_recovery_codes_account' })
  account?: User;

  @Column({ type: 'text' })
  codeHash!: string;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;
}
