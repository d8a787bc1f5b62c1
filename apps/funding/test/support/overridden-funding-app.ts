import { configureHttpApp } from '@khoinghiep/http';
import { API_PREFIX } from '@khoinghiep/platform';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test, type TestingModuleBuilder } from '@nestjs/testing';

/**
 * The funding app in this process, as `startFundingApp` makes it, with providers replaced (a rule book with a
 * known cap, a fixed clock): `override` gets the testing module builder before it compiles.
 */
export async function startFundingAppWith(
  databaseUrl: string,
  override: (builder: TestingModuleBuilder) => TestingModuleBuilder,
): Promise<INestApplication> {
  process.env.FUNDING_DATABASE_URL = databaseUrl;
  process.env.NODE_ENV = 'test';
  const { AppModule } = await import('../../src/app.module.js');
  const moduleRef = await override(Test.createTestingModule({ imports: [AppModule] })).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({
    logger: ['error'],
    abortOnError: false,
  });
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health/live', 'health/ready', 'metrics'] });
  configureHttpApp(app);
  await app.init();
  return app;
}
