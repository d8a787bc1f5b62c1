import {
  ALLOCATION_RULES,
  type AllocationRule,
  type ApplicantKind,
  type AppraisalRubric,
  CALL_STATUSES,
  type CallStatus,
  type SupportCategory,
  type TargetGroup,
} from '@khoinghiep/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Fund } from '../funds/fund.entity.js';

const oneOf = (column: string, values: readonly string[]) =>
  `"${column}" IN (${values.map((value) => `'${value}'`).join(', ')})`;

/**
 * A funding call (đợt) of a fund: budget, what it supports, who may apply, how applications are ordered when the
 * budget runs short, and the rubric appraisers score with. `committed` is what decisions have taken from the
 * budget (0 until decisions exist); the database holds `0 ≤ committed ≤ budget`, so neither a decision nor a
 * budget cut can break it. `version` increases with every change; the status moves only through
 * `call-state-machine.ts`.
 */
@Entity('funding_calls')
@Check('CHK_funding_calls_status', oneOf('status', CALL_STATUSES))
@Check('CHK_funding_calls_allocation_rule', oneOf('allocation_rule', ALLOCATION_RULES))
@Check('CHK_funding_calls_budget', '"budget" >= 0')
@Check('CHK_funding_calls_committed', '"committed" >= 0 AND "committed" <= "budget"')
@Check('CHK_funding_calls_fiscal_year', '"fiscal_year" BETWEEN 2000 AND 2100')
@Check('CHK_funding_calls_categories', 'cardinality("support_categories") >= 1')
@Check('CHK_funding_calls_business_age', '"max_business_age_years" BETWEEN 0 AND 100')
@Check('CHK_funding_calls_rubric', `jsonb_typeof("appraisal_rubric") = 'object'`)
@Check('CHK_funding_calls_window', '"closes_at" > "opens_at"')
@Check('CHK_funding_calls_version', '"version" >= 1')
@Index('IDX_funding_calls_fund', ['fundId', 'createdAt', 'id'])
@Index('IDX_funding_calls_status_closes', ['status', 'closesAt', 'id'])
export class FundingCall {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_funding_calls' })
  id!: string;

  @Column({ type: 'uuid' })
  fundId!: string;

  @ManyToOne(() => Fund, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'fund_id', foreignKeyConstraintName: 'FK_funding_calls_fund' })
  fund?: Fund;

  @Column({ type: 'smallint' })
  fiscalYear!: number;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: CallStatus;

  @Column({ type: 'integer' })
  version!: number;

  /** Whole đồng, as a string (TypeORM reads `bigint` so; the API carries money so). */
  @Column({ type: 'bigint' })
  budget!: string;

  /** Whole đồng committed by decisions; only the decisions feature raises or lowers it. */
  @Column({ type: 'bigint', default: 0 })
  committed!: string;

  @Column({ type: 'varchar', length: 48, array: true })
  supportCategories!: SupportCategory[];

  /** Empty: any applicant kind. */
  @Column({ type: 'varchar', length: 32, array: true })
  eligibleApplicantKinds!: ApplicantKind[];

  /** Empty: any province. */
  @Column({ type: 'varchar', length: 2, array: true })
  eligibleProvinceCodes!: string[];

  /** Empty: no target group required; otherwise the project must belong to one of them. */
  @Column({ type: 'varchar', length: 32, array: true })
  eligibleTargetGroups!: TargetGroup[];

  @Column({ type: 'boolean' })
  publishedProjectRequired!: boolean;

  /** When set, the applicant must have completed training on this topic. */
  @Column({ type: 'varchar', length: 120, nullable: true })
  requiredTrainingTopic!: string | null;

  /** When set, the business must be at most this many years from its first registration. */
  @Column({ type: 'smallint', nullable: true })
  maxBusinessAgeYears!: number | null;

  @Column({ type: 'varchar', length: 16 })
  allocationRule!: AllocationRule;

  @Column({ type: 'jsonb' })
  appraisalRubric!: AppraisalRubric;

  /** When applications may start and must end (announced times). */
  @Column({ type: 'timestamptz' })
  opensAt!: Date;

  @Column({ type: 'timestamptz' })
  closesAt!: Date;

  /** When an officer actually opened, closed and finalised the call. */
  @Column({ type: 'timestamptz', nullable: true })
  openedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finalisedAt!: Date | null;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;
}
