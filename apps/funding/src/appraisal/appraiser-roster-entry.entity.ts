import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A fund officer who made themselves available to appraise, as their verified access token said when they did
 * (name, roles, security version). Funding hears of no account otherwise (ADR 0019): the roster is how it knows an
 * account it is asked to assign is a fund officer; `account_standing` tells it whether that is still so.
 */
@Entity('appraiser_roster')
@Check('CHK_appraiser_roster_security_version', '"security_version" >= 0')
export class AppraiserRosterEntry {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_appraiser_roster' })
  accountId!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 32, array: true })
  roles!: string[];

  @Column({ type: 'integer' })
  securityVersion!: number;

  @Column({ type: 'timestamptz' })
  joinedAt!: Date;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;
}
