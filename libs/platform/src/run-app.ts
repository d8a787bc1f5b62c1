import { configureHttpApp } from '@khoinghiep/http';
import { connectEventConsumer } from '@khoinghiep/messaging';
import { createJsonLogger, listeningPort, startMetricsServer } from '@khoinghiep/observability';
import type { INestApplication, LogLevel, Type } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';

export interface AppLaunch {
  /** App name, used in logs and metrics. */
  service: string;
  /** Last touches before the app listens (e.g. the OpenAPI document at the gateway). */
  configure?: (app: INestApplication) => unknown;
  /**
   * Serve Prometheus on METRICS_HOST:METRICS_PORT instead of the HTTP port, for an app whose port is public (its
   * module then registers `ObservabilityModule.forApp(name, { metricsRoute: false })`).
   */
  separateMetricsPort?: boolean;
}

/** Health and metrics stay at the root; the API lives under `/api/v1`. */
export const API_PREFIX = 'api/v1';
const UNPREFIXED_ROUTES = ['health/live', 'health/ready', 'metrics'];

/**
 * Boots an app the same way everywhere: JSON logs, `/api/v1` prefix, graceful shutdown on SIGTERM/SIGINT,
 * event consumers started before the HTTP port opens, which listens on HOST (loopback by default).
 */
export async function runApp(appModule: Type<unknown>, launch: AppLaunch): Promise<INestApplication> {
  const logger = createJsonLogger(launch.service, (process.env.LOG_LEVEL as LogLevel | undefined) ?? 'log');
  const app = await NestFactory.create<NestExpressApplication>(appModule, { logger, bufferLogs: true });
  // Nothing tells a caller which framework answers.
  app.disable('x-powered-by');
  app.setGlobalPrefix(API_PREFIX, { exclude: UNPREFIXED_ROUTES });
  // Body limit (413), problem documents for every error, strict validation, shutdown hooks.
  configureHttpApp(app);
  await launch.configure?.(app);
  // Every service consumes at least the identity facts its account checks stand on (the gateway, none).
  if (app.getMicroservices().length === 0) connectEventConsumer(app);
  // Init hooks (connections, relays) run before any consumer takes its first event.
  await app.init();
  await app.startAllMicroservices();
  const config = app.get(ConfigService);
  const host = config.getOrThrow<string>('HOST');
  const port = config.getOrThrow<number>('PORT');
  await app.listen(port, host);
  logger.log(`${launch.service} listening on port ${port} of ${host}`, 'Bootstrap');
  if (launch.separateMetricsPort) {
    const metricsHost = config.getOrThrow<string>('METRICS_HOST');
    const metricsPort = config.getOrThrow<number>('METRICS_PORT');
    const metrics = await startMetricsServer(metricsHost, metricsPort);
    logger.log(`${launch.service} metrics on port ${listeningPort(metrics)} of ${metricsHost}`, 'Bootstrap');
  }
  return app;
}
