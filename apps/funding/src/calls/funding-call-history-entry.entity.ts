import type { CallAction, CallStatus } from '@khoinghiep/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { FundingCall } from './funding-call.entity.js';

/**
 * One change of a call: who, when, why; for a budget change also the old and new budget and what was committed
 * then. Append-only: a trigger created by the migration refuses UPDATE and DELETE.
 */
@Entity('funding_call_history')
@Check(
  'CHK_funding_call_history_action',
  `"action" IN ('create', 'update', 'open', 'close', 'finalise', 'change_budget')`,
)
@Check(
  'CHK_funding_call_history_budget_change',
  `"action" <> 'change_budget' OR ("old_budget" IS NOT NULL AND "new_budget" IS NOT NULL AND "committed" IS NOT NULL AND "reason" IS NOT NULL)`,
)
@Index('IDX_funding_call_history_call', ['callId', 'occurredAt', 'id'])
export class FundingCallHistoryEntry {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_funding_call_history' })
  id!: string;

  @Column({ type: 'uuid' })
  callId!: string;

  @ManyToOne(() => FundingCall, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'FK_funding_call_history_call' })
  call?: FundingCall;

  @Column({ type: 'varchar', length: 32 })
  action!: CallAction;

  @Column({ type: 'varchar', length: 16, nullable: true })
  fromStatus!: CallStatus | null;

  @Column({ type: 'varchar', length: 16 })
  toStatus!: CallStatus;

  /** Version of the call after this change. */
  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'varchar', length: 32, array: true })
  actorRoles!: string[];

  @Column({ type: 'varchar', length: 64, array: true })
  changedFields!: string[];

  @Column({ type: 'bigint', nullable: true })
  oldBudget!: string | null;

  @Column({ type: 'bigint', nullable: true })
  newBudget!: string | null;

  /** What was committed when the budget changed. */
  @Column({ type: 'bigint', nullable: true })
  committed!: string | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  correlationId!: string | null;

  @Column({ type: 'timestamptz' })
  occurredAt!: Date;
}
