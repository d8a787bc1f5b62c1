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
import { Application } from '../applications/application.entity.js';
import { FundingCall } from '../calls/funding-call.entity.js';
import { Decision } from '../decisions/decision.entity.js';

/**
 * A grant: what an approval gave an application, in whole đồng, with the rule versions applied and the decision
 * that made it. One per application and per decision. Its tranches (disbursement) hang off `grants.id`; its
 * ledger accounts are `grant_undisbursed`/`grant_disbursed`/`grant_returned` referenced by the grant id.
 */
@Entity('grants')
@Unique('UQ_grants_application', ['applicationId'])
@Unique('UQ_grants_decision', ['decisionId'])
@Check('CHK_grants_amount', '"amount" > 0')
@Index('IDX_grants_call', ['callId', 'approvedAt', 'id'])
@Index('IDX_grants_beneficiary', ['beneficiaryId', 'approvedAt', 'id'])
export class Grant {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_grants' })
  id!: string;

  @Column({ type: 'uuid' })
  applicationId!: string;

  @OneToOne(() => Application, { onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'FK_grants_application' })
  application?: Application;

  @Column({ type: 'uuid' })
  decisionId!: string;

  @OneToOne(() => Decision, { onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'decision_id', foreignKeyConstraintName: 'FK_grants_decision' })
  decision?: Decision;

  @Column({ type: 'uuid' })
  callId!: string;

  @ManyToOne(() => FundingCall, { onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'FK_grants_call' })
  call?: FundingCall;

  @Column({ type: 'uuid' })
  projectId!: string;

  /** The applicant the grant is paid to. */
  @Column({ type: 'uuid' })
  beneficiaryId!: string;

  /** Whole đồng approved, as a string. */
  @Column({ type: 'bigint' })
  amount!: string;

  @Column({ type: 'varchar', length: 64, array: true })
  ruleVersionIds!: string[];

  @Column({ type: 'uuid' })
  approvedBy!: string;

  @Column({ type: 'timestamptz' })
  approvedAt!: Date;
}
