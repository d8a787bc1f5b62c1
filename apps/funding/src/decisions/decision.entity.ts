import { DECISION_OUTCOMES, type DecisionOutcome } from '@khoinghiep/contracts';
import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryColumn,
  Unique,
} from 'typeorm';
import { Application, oneOf } from '../applications/application.entity.js';
import { ApprovalLimit } from '../approval-limits/approval-limit.entity.js';
import { FundingCall } from '../calls/funding-call.entity.js';

/**
 * The decision of a fund approver on a submitted, eligible application: approved for an amount, or rejected with a
 * reason. One per application, append-only; it is the audit record of the decision (who, when, on which limit and
 * rule versions). Trigger `TRG_decisions_within_approval_limit` holds an approval within the approver's limit.
 */
@Entity('decisions')
@Unique('UQ_decisions_application', ['applicationId'])
@Check('CHK_decisions_outcome', oneOf('outcome', DECISION_OUTCOMES))
@Check('CHK_decisions_requested', '"requested_amount" >= 0')
@Check(
  'CHK_decisions_approved_shape',
  `"outcome" <> 'approved' OR ("approved_amount" > 0 AND "approved_amount" <= "requested_amount" AND "approval_limit_id" IS NOT NULL)`,
)
@Check(
  'CHK_decisions_rejected_shape',
  `"outcome" <> 'rejected' OR ("approved_amount" IS NULL AND "reason" IS NOT NULL)`,
)
@Check('CHK_decisions_not_own', '"decided_by" <> "applicant_id"')
@Index('IDX_decisions_call', ['callId', 'decidedAt', 'id'])
export class Decision {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_decisions' })
  id!: string;

  @Column({ type: 'uuid' })
  applicationId!: string;

  @OneToOne(() => Application, { onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'FK_decisions_application' })
  application?: Application;

  @Column({ type: 'uuid' })
  callId!: string;

  @ManyToOne(() => FundingCall, { onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'FK_decisions_call' })
  call?: FundingCall;

  @Column({ type: 'varchar', length: 16 })
  outcome!: DecisionOutcome;

  /** Whole đồng: the application's requested total at the decision. */
  @Column({ type: 'bigint' })
  requestedAmount!: string;

  @Column({ type: 'bigint', nullable: true })
  approvedAmount!: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  reason!: string | null;

  /** Ids of the rule versions (support ceilings) applied on the decision date. */
  @Column({ type: 'varchar', length: 64, array: true })
  ruleVersionIds!: string[];

  @Column({ type: 'uuid', nullable: true })
  approvalLimitId!: string | null;

  @ManyToOne(() => ApprovalLimit, { onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'approval_limit_id', foreignKeyConstraintName: 'FK_decisions_approval_limit' })
  approvalLimit?: ApprovalLimit;

  @Column({ type: 'uuid' })
  applicantId!: string;

  @Column({ type: 'uuid' })
  decidedBy!: string;

  /** The decision date (Vietnam), on which the ceilings in force were read. */
  @Column({ type: 'date' })
  decidedOn!: string;

  @Column({ type: 'timestamptz' })
  decidedAt!: Date;
}
