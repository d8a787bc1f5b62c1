import { TRANCHE_KINDS, TRANCHE_STATUSES, type TrancheKind, type TrancheStatus } from '@khoinghiep/contracts';
import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { oneOf } from '../applications/application.entity.js';
import { ApprovalLimit } from '../approval-limits/approval-limit.entity.js';
import { Grant } from '../grants/grant.entity.js';

/** Metadata of one piece of evidence (the file is kept elsewhere). */
export interface Evidence {
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
}

/**
 * A tranche of a grant (ADR 0020): asked for by a fund officer (maker), approved or rejected by a different fund
 * approver within their limit (checker), then paid. Triggers keep the moves forward only, what was asked for
 * unedited, an approval within the named limit and Σ paid of the grant within its approved amount.
 */
@Entity('tranches')
@Unique('UQ_tranches_grant_sequence', ['grantId', 'sequence'])
@Check('CHK_tranches_kind', oneOf('kind', TRANCHE_KINDS))
@Check('CHK_tranches_status', oneOf('status', TRANCHE_STATUSES))
@Check(
  'CHK_tranches_amounts',
  `"amount" >= 0 AND "return_amount" >= 0 AND ("kind" = 'settlement' OR ("amount" > 0 AND "return_amount" = 0))`,
)
@Check(
  'CHK_tranches_advance_shape',
  `"kind" <> 'advance' OR ("advance_rate_bp" BETWEEN 0 AND 10000 AND "rule_version_id" IS NOT NULL)`,
)
@Check('CHK_tranches_acceptance_shape', `"kind" <> 'acceptance' OR "accepted_cost" > 0`)
@Check(
  'CHK_tranches_settlement_shape',
  `"kind" <> 'settlement' OR ("final_amount" >= 0 AND ("amount" = 0 OR "return_amount" = 0))`,
)
@Check('CHK_tranches_maker_checker', `"decided_by" IS NULL OR "decided_by" <> "requested_by"`)
@Check(
  'CHK_tranches_decided_shape',
  `"status" = 'requested' OR ("decided_by" IS NOT NULL AND "decided_at" IS NOT NULL)`,
)
@Check(
  'CHK_tranches_approved_shape',
  `"status" NOT IN ('approved', 'paid') OR "approval_limit_id" IS NOT NULL`,
)
@Check('CHK_tranches_rejected_shape', `"status" <> 'rejected' OR "rejection_reason" IS NOT NULL`)
@Check(
  'CHK_tranches_paid_shape',
  `"status" <> 'paid' OR ("payment_reference" IS NOT NULL AND "paid_by" IS NOT NULL AND "paid_at" IS NOT NULL)`,
)
export class Tranche {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_tranches' })
  id!: string;

  @Column({ type: 'uuid' })
  grantId!: string;

  @ManyToOne(() => Grant, { onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'grant_id', foreignKeyConstraintName: 'FK_tranches_grant' })
  grant?: Grant;

  /** 1, 2, … within the grant. */
  @Column({ type: 'integer' })
  sequence!: number;

  @Column({ type: 'varchar', length: 16 })
  kind!: TrancheKind;

  @Column({ type: 'varchar', length: 16 })
  status!: TrancheStatus;

  /** Whole đồng paid to the grantee. */
  @Column({ type: 'bigint' })
  amount!: string;

  /** Whole đồng the grantee returns (settlement only). */
  @Column({ type: 'bigint' })
  returnAmount!: string;

  @Column({ type: 'integer', nullable: true })
  advanceRateBp!: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ruleVersionId!: string | null;

  @Column({ type: 'bigint', nullable: true })
  acceptedCost!: string | null;

  @Column({ type: 'bigint', nullable: true })
  finalAmount!: string | null;

  @Column({ type: 'jsonb' })
  evidence!: Evidence[];

  @Column({ type: 'varchar', length: 2000, nullable: true })
  note!: string | null;

  @Column({ type: 'uuid' })
  requestedBy!: string;

  @Column({ type: 'timestamptz' })
  requestedAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  approvalLimitId!: string | null;

  @ManyToOne(() => ApprovalLimit, { onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'approval_limit_id', foreignKeyConstraintName: 'FK_tranches_approval_limit' })
  approvalLimit?: ApprovalLimit;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  rejectionReason!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  paymentReference!: string | null;

  @Column({ type: 'uuid', nullable: true })
  paidBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  paidAt!: Date | null;

  @Column({ type: 'integer' })
  version!: number;
}
