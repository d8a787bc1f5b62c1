import { ServiceEnv } from '@khoinghiep/config';

/** Settings of the funding app. */
export class FundingEnv extends ServiceEnv {
  override PORT = 3103;
}
