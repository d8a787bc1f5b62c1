import { APPRAISAL_STATUSES, type AppraisalRubric, type AppraisalStatus } from '@khoinghiep/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';
import { Application, oneOf } from '../applications/application.entity.js';
import { FundingCall } from '../calls/funding-call.entity.js';

/**
 * The appraisal (thẩm định) of one submitted application: opened by the first assignment, with the call's rubric
 * as it was then (scores are checked against this copy, so a later edit of the call cannot change what was
 * scored), open to scores until a fund officer closes it or a decision is taken on the application.
 */
@Entity('appraisals')
@Check('CHK_appraisals_status', oneOf('status', APPRAISAL_STATUSES))
@Check('CHK_appraisals_version', '"version" >= 1')
@Check('CHK_appraisals_rubric', `jsonb_typeof("rubric") = 'object'`)
@Check(
  'CHK_appraisals_closed',
  `("status" = 'closed') = ("closed_at" IS NOT NULL AND "closed_by" IS NOT NULL)`,
)
@Index('IDX_appraisals_call', ['callId'])
export class Appraisal {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_appraisals' })
  applicationId!: string;

  @OneToOne(() => Application, { onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'FK_appraisals_application' })
  application?: Application;

  @Column({ type: 'uuid' })
  callId!: string;

  @ManyToOne(() => FundingCall, { onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'FK_appraisals_call' })
  call?: FundingCall;

  @Column({ type: 'jsonb' })
  rubric!: AppraisalRubric;

  @Column({ type: 'varchar', length: 16 })
  status!: AppraisalStatus;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'uuid' })
  openedBy!: string;

  @Column({ type: 'timestamptz' })
  openedAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  closedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  closeReason!: string | null;
}
