import type { MatchCriterion } from '@khoinghiep/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A dated version of the match weights (reference data, append-only: a trigger refuses UPDATE and DELETE). The
 * version in force is the one with the latest `effectiveFrom` not after now; every stored match says which version
 * scored it, so a new version in force rescores.
 */
@Entity('match_weight_versions')
@Index('IDX_match_weight_versions_effective', ['effectiveFrom'])
export class MatchWeightsVersion {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_match_weight_versions' })
  id!: string;

  /** Points each criterion gives at most; they sum to 100. */
  @Column({ type: 'jsonb' })
  weights!: Record<MatchCriterion, number>;

  @Column({ type: 'timestamptz' })
  effectiveFrom!: Date;

  @Column({ type: 'text' })
  reason!: string;

  /** Admin account that recorded it; null for the version a migration seeded. */
  @Column({ type: 'uuid', nullable: true })
  recordedBy!: string | null;

  @Column({ type: 'timestamptz' })
  recordedAt!: Date;
}
