import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One setting of a fund approver's approval limit (financial delegation): the most one decision of theirs may
 * approve, in whole đồng. A change is a new row; the limit in force is the latest one. Append-only.
 */
@Entity('approval_limits')
@Check('CHK_approval_limits_amount', '"limit_amount" >= 0')
@Index('IDX_approval_limits_approver', ['approverId', 'setAt', 'id'])
export class ApprovalLimit {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_approval_limits' })
  id!: string;

  @Column({ type: 'uuid' })
  approverId!: string;

  @Column({ type: 'bigint' })
  limitAmount!: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  reason!: string | null;

  @Column({ type: 'uuid' })
  setBy!: string;

  @Column({ type: 'timestamptz' })
  setAt!: Date;
}
