import { ServiceEnv } from '@khoinghiep/config';

/** Settings of the projects app. */
export class ProjectsEnv extends ServiceEnv {
  override PORT = 3101;
}
