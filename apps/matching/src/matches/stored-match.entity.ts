import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One of an investor's best matches (top k by score, ties by project id). Only the best k per investor are stored,
 * never every pair; pages beyond them are scored on demand with the same scorer.
 */
@Entity('investor_matches')
@Index('IDX_investor_matches_rank', ['investorId', 'score', 'projectId'])
@Index('IDX_investor_matches_project', ['projectId'])
export class InvestorMatch {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_investor_matches' })
  investorId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_investor_matches' })
  projectId!: string;

  @Column({ type: 'double precision' })
  score!: number;

  /** The match weights version the score was computed with. */
  @Column({ type: 'uuid' })
  weightsVersionId!: string;

  @Column({ type: 'timestamptz' })
  scoredAt!: Date;
}

/** One of a published project's best-fitting investors (top k by score, ties by investor id), for its founder. */
@Entity('project_matches')
@Index('IDX_project_matches_rank', ['projectId', 'score', 'investorId'])
@Index('IDX_project_matches_investor', ['investorId'])
export class ProjectMatch {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_project_matches' })
  projectId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_project_matches' })
  investorId!: string;

  @Column({ type: 'double precision' })
  score!: number;

  @Column({ type: 'uuid' })
  weightsVersionId!: string;

  @Column({ type: 'timestamptz' })
  scoredAt!: Date;
}
