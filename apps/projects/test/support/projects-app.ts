import { startServiceApp } from '@khoinghiep/testing';
import type { INestApplication } from '@nestjs/common';

/** The projects app in this process, on its own database (see `freshDatabase` in `@khoinghiep/testing`). */
export function startProjectsApp(databaseUrl: string): Promise<INestApplication> {
  return startServiceApp(
    'projects',
    async () => (await import('../../src/app.module.js')).AppModule,
    databaseUrl,
  );
}
