import { GRANT_DISBURSEMENT_STAGES, type GrantDisbursementStage } from '@khoinghiep/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';
import { oneOf } from '../applications/application.entity.js';
import { FundingCall } from '../calls/funding-call.entity.js';
import { Grant } from '../grants/grant.entity.js';

/**
 * The running sums of a grant's disbursement, one row per grant, changed only under the grant's row lock. Its CHECK
 * is the rule "Σ disbursed ≤ approved": `0 ≤ disbursed ≤ reserved ≤ approved`, `returned ≤ disbursed`.
 */
@Entity('grant_disbursements')
@Check('CHK_grant_disbursements_stage', oneOf('stage', GRANT_DISBURSEMENT_STAGES))
@Check(
  'CHK_grant_disbursements_sums',
  `0 <= "disbursed" AND "disbursed" <= "reserved" AND "reserved" <= "approved" AND 0 <= "returned" AND "returned" <= "disbursed"`,
)
@Check(
  'CHK_grant_disbursements_final',
  `"final_amount" IS NULL OR ("final_amount" >= 0 AND "final_amount" <= "approved")`,
)
@Index('IDX_grant_disbursements_call', ['callId', 'grantId'])
export class GrantDisbursement {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_grant_disbursements' })
  grantId!: string;

  @OneToOne(() => Grant, { onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'grant_id', foreignKeyConstraintName: 'FK_grant_disbursements_grant' })
  grant?: Grant;

  @Column({ type: 'uuid' })
  callId!: string;

  @ManyToOne(() => FundingCall, { onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'FK_grant_disbursements_call' })
  call?: FundingCall;

  @Column({ type: 'varchar', length: 16 })
  stage!: GrantDisbursementStage;

  /** Whole đồng approved (the grant's amount). */
  @Column({ type: 'bigint' })
  approved!: string;

  /** Σ amounts of tranches not rejected. */
  @Column({ type: 'bigint' })
  reserved!: string;

  /** Σ amounts paid. */
  @Column({ type: 'bigint' })
  disbursed!: string;

  /** Σ returned at settlement. */
  @Column({ type: 'bigint' })
  returned!: string;

  @Column({ type: 'bigint', nullable: true })
  acceptedCost!: string | null;

  @Column({ type: 'bigint', nullable: true })
  finalAmount!: string | null;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;
}
