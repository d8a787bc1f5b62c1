import { APPRAISAL_ACTIONS, type AppraisalAction } from '@khoinghiep/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { oneOf } from '../applications/application.entity.js';
import { Appraisal } from './appraisal.entity.js';

/**
 * The audit trail of an appraisal: who did what, to which appraiser's assignment, when, why, and what (the scores
 * of each submission are in `details`, so a revision never loses the earlier one). Append-only.
 */
@Entity('appraisal_history')
@Check('CHK_appraisal_history_action', oneOf('action', APPRAISAL_ACTIONS))
@Index('IDX_appraisal_history_application', ['applicationId', 'occurredAt'])
export class AppraisalHistoryEntry {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_appraisal_history' })
  id!: string;

  @Column({ type: 'uuid' })
  applicationId!: string;

  @ManyToOne(() => Appraisal, { onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'FK_appraisal_history_appraisal' })
  appraisal?: Appraisal;

  @Column({ type: 'varchar', length: 24 })
  action!: AppraisalAction;

  @Column({ type: 'uuid', nullable: true })
  appraiserId!: string | null;

  @Column({ type: 'uuid' })
  actorId!: string;

  @Column({ type: 'varchar', length: 32, array: true })
  actorRoles!: string[];

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  details!: object | null;

  @Column({ type: 'timestamptz' })
  occurredAt!: Date;
}
