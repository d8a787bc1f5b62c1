import { COINVESTMENT_LEAD_STATUSES, type CoinvestmentLeadStatus } from '@khoinghiep/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Application, oneOf } from '../applications/application.entity.js';
import { RuleVersion } from '../rules/rule-version.entity.js';

/**
 * A co-investment lead (ADR 0028): the willing private commitments on one project that matching announced, their
 * total (each introduction once, at its latest commitment) and the cap of the rule in force, for a fund officer to
 * take on. The project is not a foreign key: funding's project directory may not have learnt it yet. At most one
 * lead per project is live (open or taken): partial unique index `UQ_coinvestment_leads_project_live`. A closed
 * lead is never changed again, and a taken one never reopens (trigger of migration `1791000012000`).
 */
@Entity('coinvestment_leads')
@Check('CHK_coinvestment_leads_status', oneOf('status', COINVESTMENT_LEAD_STATUSES))
@Check('CHK_coinvestment_leads_private_total', '"private_total" > 0')
@Check(
  'CHK_coinvestment_leads_cap',
  `("cap" IS NULL AND "cap_bp" IS NULL AND "rule_version_id" IS NULL)
    OR ("cap" >= 0 AND "cap" <= "private_total" AND "cap_bp" BETWEEN 0 AND 10000 AND "rule_version_id" IS NOT NULL)`,
)
@Check(
  'CHK_coinvestment_leads_taken_shape',
  `"status" <> 'taken' OR ("taken_by" IS NOT NULL AND "taken_at" IS NOT NULL)`,
)
@Check(
  'CHK_coinvestment_leads_closed_shape',
  `("status" = 'closed') = ("closed_by" IS NOT NULL AND "closed_at" IS NOT NULL
    AND ("close_reason" IS NOT NULL OR "application_id" IS NOT NULL))`,
)
@Index('IDX_coinvestment_leads_opened', ['openedAt', 'id'])
@Index('IDX_coinvestment_leads_status', ['status', 'openedAt', 'id'])
@Index('UQ_coinvestment_leads_project_live', { synchronize: false })
@Index('UQ_coinvestment_leads_application', ['applicationId'], { unique: true })
export class CoinvestmentLead {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_coinvestment_leads' })
  id!: string;

  @Column({ type: 'uuid' })
  projectId!: string;

  /** The founder, as matching knew them: the applicant of a proposal opened from the lead. */
  @Column({ type: 'uuid' })
  projectOwnerId!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: CoinvestmentLeadStatus;

  /** Σ of the latest amount of each introduction, whole đồng. */
  @Column({ type: 'bigint' })
  privateTotal!: string;

  /** ⌊ private total × capBp / 10 000 ⌋; null while no co-investment cap was in force. */
  @Column({ type: 'bigint', nullable: true })
  cap!: string | null;

  @Column({ type: 'integer', nullable: true })
  capBp!: number | null;

  @Column({ type: 'uuid', nullable: true })
  ruleVersionId!: string | null;

  @ManyToOne(() => RuleVersion, { onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'rule_version_id', foreignKeyConstraintName: 'FK_coinvestment_leads_rule_version' })
  ruleVersion?: RuleVersion;

  @Column({ type: 'timestamptz' })
  openedAt!: Date;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  takenBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  takenAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  closedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  closeReason!: string | null;

  /** The co-investment proposal opened from this lead. */
  @Column({ type: 'uuid', nullable: true })
  applicationId!: string | null;

  @ManyToOne(() => Application, { onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'FK_coinvestment_leads_application' })
  application?: Application;
}
