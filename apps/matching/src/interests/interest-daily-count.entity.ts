import { Check, Column, Entity, PrimaryColumn } from 'typeorm';
import { INTEREST_CHECKS } from './interest-checks.js';

/**
 * How many interests an investor expressed on one Vietnam calendar day: the daily cap is an atomic increment of this
 * row that stops at the cap, so concurrent requests cannot pass it. Rolled back with a refused interest.
 */
@Entity('interest_daily_counts')
@Check('CHK_interest_daily_counts_expressed', INTEREST_CHECKS.dailyCount)
export class InterestDailyCount {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_interest_daily_counts' })
  investorId!: string;

  /** `YYYY-MM-DD` in Asia/Ho_Chi_Minh. */
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'PK_interest_daily_counts' })
  day!: string;

  @Column({ type: 'integer' })
  expressed!: number;
}
