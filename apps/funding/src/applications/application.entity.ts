import {
  APPLICANT_KINDS,
  APPLICATION_KINDS,
  APPLICATION_STATUSES,
  type ApplicantKind,
  type ApplicationKind,
  type ApplicationStatus,
  type PriorityGroup,
} from '@khoinghiep/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { FundingCall } from '../calls/funding-call.entity.js';
import { KnownProject } from '../project-directory/known-project.entity.js';

export const oneOf = (column: string, values: readonly string[]) =>
  `"${column}" IN (${values.map((value) => `'${value}'`).join(', ')})`;

/**
 * An application (đề án) of a founder to a funding call for one of their projects. `version` increases with every
 * change (optimistic concurrency); the status moves only through `application-state-machine.ts`. Money is whole
 * đồng in `bigint` columns, read as strings. The co-financing split and the sums of the budget lines are held
 * consistent by the database from submission on (trigger `TRG_applications_submission_checks`).
 */
@Entity('applications')
@Check('CHK_applications_status', oneOf('status', APPLICATION_STATUSES))
@Check('CHK_applications_kind', oneOf('kind', APPLICATION_KINDS))
@Check('CHK_applications_applicant_kind', oneOf('applicant_kind', APPLICANT_KINDS))
@Check('CHK_applications_version', '"version" >= 1')
@Check(
  'CHK_applications_money',
  '"co_financing_central" >= 0 AND "co_financing_provincial" >= 0 AND "co_financing_own" >= 0',
)
@Check('CHK_applications_draft_unchecked', `"status" <> 'draft' OR "eligible" IS NULL`)
@Check('CHK_applications_approved_eligible', `"status" <> 'approved' OR "eligible" = true`)
@Check('CHK_applications_submitted_at', `"status" IN ('draft', 'withdrawn') OR "submitted_at" IS NOT NULL`)
@Index('IDX_applications_applicant', ['applicantId', 'createdAt', 'id'])
@Index('IDX_applications_call', ['callId', 'createdAt', 'id'])
@Index('UQ_applications_call_project_live', { synchronize: false })
export class Application {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_applications' })
  id!: string;

  @Column({ type: 'uuid' })
  callId!: string;

  @ManyToOne(() => FundingCall, { onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'FK_applications_call' })
  call?: FundingCall;

  @Column({ type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => KnownProject, { onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'FK_applications_project' })
  project?: KnownProject;

  @Column({ type: 'uuid' })
  applicantId!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: ApplicationKind;

  @Column({ type: 'varchar', length: 16 })
  status!: ApplicationStatus;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'varchar', length: 32 })
  applicantKind!: ApplicantKind;

  @Column({ type: 'date', nullable: true })
  businessRegisteredOn!: string | null;

  @Column({ type: 'varchar', length: 32, array: true })
  declaredPriorityGroups!: PriorityGroup[];

  @Column({ type: 'bigint' })
  coFinancingCentral!: string;

  @Column({ type: 'bigint' })
  coFinancingProvincial!: string;

  @Column({ type: 'bigint' })
  coFinancingOwn!: string;

  /** Set by the eligibility check at submission; null on a draft. An ineligible application is never approved. */
  @Column({ type: 'boolean', nullable: true })
  eligible!: boolean | null;

  @Column({ type: 'timestamptz', nullable: true })
  eligibilityCheckedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  withdrawalReason!: string | null;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;
}
