import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { MatchWeightsVersion } from '../weights/match-weights-version.entity.js';

/**
 * The one row saying which weights version the index builds lists with. It moves, under the exclusive index lock,
 * when another version comes into force; every list of an older version is then queued for a rebuild.
 */
@Entity('match_index_state')
@Check('CHK_match_index_state_single', '"id" = 1')
export class MatchIndexState {
  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'PK_match_index_state' })
  id!: number;

  @Column({ type: 'uuid' })
  weightsVersionId!: string;

  @ManyToOne(() => MatchWeightsVersion)
  @JoinColumn({
    name: 'weights_version_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'FK_match_index_state_weights',
  })
  weightsVersion?: MatchWeightsVersion;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;
}
