import { type AccountStatus, ROLES, type Role } from '@khoinghiep/contracts';
import { Check, Column, CreateDateColumn, Entity, PrimaryColumn, Unique, UpdateDateColumn } from 'typeorm';

/**
 * A person who can sign in. The email is stored lower-cased (one account per address, whatever the case);
 * only the argon2id hash of the password is kept.
 */
@Entity('users')
@Unique('UQ_users_email', ['email'])
@Check(
  'CHK_users_roles',
  `cardinality("roles") >= 1 AND "roles" <@ ARRAY[${ROLES.map((r) => `'${r}'`).join(', ')}]::text[]`,
)
@Check('CHK_users_email_lower_case', `"email" = lower("email")`)
@Check('CHK_users_status', `"status" IN ('active', 'deactivated')`)
@Check('CHK_users_security_version', `"security_version" >= 0`)
export class User {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_users' })
  id!: string;

  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'text' })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 120 })
  fullName!: string;

  @Column({ type: 'text', array: true })
  roles!: Role[];

  /** A deactivated account cannot sign in, and its tokens are refused. */
  @Column({ type: 'varchar', length: 16, default: 'active' })
  status!: AccountStatus;

  /** Raised by every security change; tokens carry it as `sv` and older ones are refused. */
  @Column({ type: 'integer', default: 0 })
  securityVersion!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
