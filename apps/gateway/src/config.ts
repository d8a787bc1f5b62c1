import { ServiceEnv } from '@khoinghiep/config';

/** Settings of the gateway app. */
export class GatewayEnv extends ServiceEnv {
  override PORT = 3000;
}
