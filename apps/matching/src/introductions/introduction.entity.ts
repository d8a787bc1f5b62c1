import type { PipelineStatus } from '@khoinghiep/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Interest } from '../interests/interest.entity.js';
import { INTRODUCTION_CHECKS } from '../interests/interest-checks.js';

/** Contact values one side agreed to share, copied when the introduction was made. */
export interface SharedContact {
  email?: string;
  phone?: string;
  website?: string;
  address?: string;
}

/**
 * Made when a founder accepts an interest: the only place either side's contacts are shared, as they were at that
 * moment (a later profile change does not reach an introduction already made). Carries the investor's current
 * pipeline status; its history is in `pipeline_entries`.
 */
@Entity('introductions')
@Check('CHK_introductions_pipeline_status', INTRODUCTION_CHECKS.pipelineStatus)
@Check('CHK_introductions_pipeline_amount', INTRODUCTION_CHECKS.pipelineAmount)
@Index('UQ_introductions_interest', ['interestId'], { unique: true })
@Index('IDX_introductions_investor', ['investorId', 'madeAt', 'id'])
@Index('IDX_introductions_project_owner', ['projectOwnerId', 'madeAt', 'id'])
export class Introduction {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_introductions' })
  id!: string;

  @Column({ type: 'uuid' })
  interestId!: string;

  @ManyToOne(() => Interest, { onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'interest_id', foreignKeyConstraintName: 'FK_introductions_interest' })
  interest?: Interest;

  @Column({ type: 'uuid' })
  projectId!: string;

  @Column({ type: 'uuid' })
  projectOwnerId!: string;

  @Column({ type: 'varchar', length: 200 })
  projectTitle!: string;

  @Column({ type: 'uuid' })
  investorId!: string;

  @Column({ type: 'varchar', length: 503 })
  investorName!: string;

  @Column({ type: 'jsonb' })
  founderContact!: SharedContact;

  @Column({ type: 'jsonb' })
  investorContact!: SharedContact;

  @Column({ type: 'timestamptz' })
  madeAt!: Date;

  @Column({ type: 'varchar', length: 16, nullable: true })
  pipelineStatus!: PipelineStatus | null;

  /** Whole đồng, for `committed` and `invested`. */
  @Column({ type: 'bigint', nullable: true })
  pipelineAmount!: string | null;
}
