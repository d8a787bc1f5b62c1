import { ServiceEnv } from '@khoinghiep/config';

/** Settings of the training app. */
export class TrainingEnv extends ServiceEnv {
  override PORT = 3104;
}
