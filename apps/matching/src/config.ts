import { ServiceEnv } from '@khoinghiep/config';

/** Settings of the matching app. */
export class MatchingEnv extends ServiceEnv {
  override PORT = 3102;
}
