import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { oneOf } from '../sql-checks.js';

export const LIST_SIDES = ['investor', 'project'] as const;
export type ListSide = (typeof LIST_SIDES)[number];

/** Why a list waits for a refill: it lost an entry whose successor is not stored, or it has older weights. */
export const REFILL_REASONS = ['removal', 'weights'] as const;
export type RefillReason = (typeof REFILL_REASONS)[number];

/**
 * A stored list to rebuild from scratch, written in the transaction that left it short or outdated and deleted in
 * the transaction that rebuilds it: a crash in between leaves the row, and the refill happens later.
 */
@Entity('match_refills')
@Check('CHK_match_refills_side', oneOf('side', LIST_SIDES))
@Check('CHK_match_refills_reason', oneOf('reason', REFILL_REASONS))
@Index('IDX_match_refills_queue', ['side', 'enqueuedAt'])
export class MatchRefill {
  @PrimaryColumn({ type: 'varchar', length: 8, primaryKeyConstraintName: 'PK_match_refills' })
  side!: ListSide;

  /** The investor or the project whose list it is. */
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_match_refills' })
  ownerId!: string;

  @Column({ type: 'varchar', length: 16 })
  reason!: RefillReason;

  @Column({ type: 'timestamptz' })
  enqueuedAt!: Date;
}
