import { startServiceApp } from '@khoinghiep/testing';
import type { INestApplication } from '@nestjs/common';

/** The matching app in this process, on its own database (see `freshDatabase` in `@khoinghiep/testing`). */
export function startMatchingApp(
  databaseUrl: string,
  options?: Parameters<typeof startServiceApp>[3],
): Promise<INestApplication> {
  const appModule = async () => (await import('../../src/app.module.js')).AppModule;
  return startServiceApp('matching', appModule, databaseUrl, options);
}
