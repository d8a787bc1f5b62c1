import { ROLES, type Role } from '@khoinghiep/contracts';
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

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
