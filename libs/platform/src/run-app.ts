import { configureHttpApp } from '@khoinghiep/http';
import { createJsonLogger } from '@khoinghiep/observability';
import type { INestApplication, LogLevel, Type } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';

export interface AppLaunch {
  /** App name, used in logs and metrics. */
  service: string;
  /** Last touches before the app listens (e.g. the OpenAPI document at the gateway). */
  configure?: (app: INestApplication) => unknown;
}

/** Health and metrics stay at the root; the API lives under `/api/v1`. */
export const API_PREFIX = 'api/v1';
const UNPREFIXED_ROUTES = ['health/live', 'health/ready', 'metrics'];

/**
 * Boots an app the same way everywhere: JSON logs, `/api/v1` prefix, graceful shutdown on SIGTERM/SIGINT,
 * event consumers started before the HTTP port opens.
 */
export async function runApp(appModule: Type<unknown>, launch: AppLaunch): Promise<INestApplication> {
  const logger = createJsonLogger(launch.service, (process.env.LOG_LEVEL as LogLevel | undefined) ?? 'log');
  const app = await NestFactory.create<NestExpressApplication>(appModule, { logger, bufferLogs: true });
  app.setGlobalPrefix(API_PREFIX, { exclude: UNPREFIXED_ROUTES });
  // Body limit (413), problem documents for every error, strict validation, shutdown hooks.
  configureHttpApp(app);
  await launch.configure?.(app);
  // Init hooks (connections, relays) run before any consumer takes its first event.
  await app.init();
  await app.startAllMicroservices();
  const port = app.get(ConfigService).getOrThrow<number>('PORT');
  await app.listen(port);
  logger.log(`${launch.service} listening on port ${port}`, 'Bootstrap');
  return app;
}
