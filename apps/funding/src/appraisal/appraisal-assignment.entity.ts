import { CONFLICT_DECLARATIONS, type ConflictDeclaration } from '@khoinghiep/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { oneOf } from '../applications/application.entity.js';
import { Appraisal } from './appraisal.entity.js';

/**
 * One appraiser assigned to an application: their declaration about a conflict of interest (made once), and,
 * once they have scored, how many times (`revision`) and the weighted mean of their latest scores. The weighted
 * mean is Σ score × weight / 100 with whole scores and whole percent weights, so two decimals hold it exactly.
 * The database refuses the applicant as appraiser (`TRG_appraisal_assignments_checks`).
 */
@Entity('appraisal_assignments')
@Unique('UQ_appraisal_assignments_appraiser', ['applicationId', 'appraiserId'])
@Check('CHK_appraisal_assignments_declaration', oneOf('declaration', CONFLICT_DECLARATIONS))
@Check('CHK_appraisal_assignments_declared', `("declaration" = 'pending') = ("declared_at" IS NULL)`)
@Check('CHK_appraisal_assignments_recusal', `("declaration" = 'recused') = ("recusal_reason" IS NOT NULL)`)
@Check(
  'CHK_appraisal_assignments_scored',
  `"revision" >= 0 AND ("revision" = 0) = ("weighted_mean" IS NULL) AND ("revision" = 0) = ("scored_at" IS NULL)`,
)
@Check('CHK_appraisal_assignments_scored_declared', `"revision" = 0 OR "declaration" = 'no_conflict'`)
@Index('IDX_appraisal_assignments_appraiser', ['appraiserId', 'assignedAt'])
export class AppraisalAssignment {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_appraisal_assignments' })
  id!: string;

  @Column({ type: 'uuid' })
  applicationId!: string;

  @ManyToOne(() => Appraisal, { onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'FK_appraisal_assignments_appraisal' })
  appraisal?: Appraisal;

  @Column({ type: 'uuid' })
  appraiserId!: string;

  @Column({ type: 'varchar', length: 200 })
  appraiserName!: string;

  @Column({ type: 'uuid' })
  assignedBy!: string;

  @Column({ type: 'timestamptz' })
  assignedAt!: Date;

  @Column({ type: 'varchar', length: 16 })
  declaration!: ConflictDeclaration;

  @Column({ type: 'timestamptz', nullable: true })
  declaredAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  recusalReason!: string | null;

  /** How many times the appraiser has submitted scores (0: not yet). */
  @Column({ type: 'integer' })
  revision!: number;

  /** Read as a string with two decimals, exact. */
  @Column({ type: 'numeric', precision: 7, scale: 2, nullable: true })
  weightedMean!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  scoredAt!: Date | null;
}
