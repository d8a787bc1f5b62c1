import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AppraisalAssignment } from './appraisal-assignment.entity.js';

/**
 * An appraiser's latest score of one criterion, with their comment. Earlier scores stay in the appraisal history.
 * The database accepts a score only from an appraiser who declared no conflict, while the appraisal is open and
 * the application undecided, for a criterion of the rubric and on its scale (`TRG_appraisal_scores_checks`).
 */
@Entity('appraisal_scores')
@Check('CHK_appraisal_scores_score', '"score" BETWEEN 0 AND 100')
export class AppraisalScore {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_appraisal_scores' })
  assignmentId!: string;

  @PrimaryColumn({ type: 'varchar', length: 40, primaryKeyConstraintName: 'PK_appraisal_scores' })
  criterionCode!: string;

  @ManyToOne(() => AppraisalAssignment, { onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'assignment_id', foreignKeyConstraintName: 'FK_appraisal_scores_assignment' })
  assignment?: AppraisalAssignment;

  @Column({ type: 'smallint' })
  score!: number;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;
}
