import { ServiceEnv } from '@khoinghiep/config';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

/** Settings of the matching app. */
export class MatchingEnv extends ServiceEnv {
  override PORT = 3102;

  /** Interests one investor may express per Vietnam calendar day (Asia/Ho_Chi_Minh); stops spam (ADR 0027). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  INTEREST_DAILY_CAP = 20;

  /** How often the match index looks for queued list refills, besides being woken when it queues one. */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  MATCH_REFILL_POLL_MS = 5_000;

  /** How often the match index checks whether another weights version has come into force (effective dates). */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  MATCH_WEIGHTS_CHECK_MS = 60_000;
}
