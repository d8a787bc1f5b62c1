import type { PipelineStatus } from '@khoinghiep/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { INTRODUCTION_CHECKS } from '../interests/interest-checks.js';
import { Introduction } from './introduction.entity.js';

/** One pipeline status an investor recorded on an introduction (append-only: a trigger refuses UPDATE and DELETE). */
@Entity('pipeline_entries')
@Check('CHK_pipeline_entries_status', INTRODUCTION_CHECKS.entryStatus)
@Check('CHK_pipeline_entries_amount', INTRODUCTION_CHECKS.entryAmount)
@Index('IDX_pipeline_entries_introduction', ['introductionId', 'recordedAt', 'id'])
export class PipelineEntry {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_pipeline_entries' })
  id!: string;

  @Column({ type: 'uuid' })
  introductionId!: string;

  @ManyToOne(() => Introduction, { onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'introduction_id', foreignKeyConstraintName: 'FK_pipeline_entries_introduction' })
  introduction?: Introduction;

  @Column({ type: 'varchar', length: 16 })
  status!: PipelineStatus;

  /** Whole đồng, for `committed` and `invested`. */
  @Column({ type: 'bigint', nullable: true })
  amount!: string | null;

  /** The investor's own note; shown to the investor only. */
  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'uuid' })
  recordedBy!: string;

  @Column({ type: 'timestamptz' })
  recordedAt!: Date;
}
