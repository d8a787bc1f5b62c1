import type { INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Application } from 'express';
import { setupOpenApi } from './openapi/openapi.js';

/** Reads TRUST_PROXY like Express does: `true`/`false`, a hop count, or addresses and names. */
export function trustProxySetting(value: string | undefined): boolean | number | string {
  if (value === undefined || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

/** What only the gateway has: the client address behind proxies (for rate limits) and the OpenAPI document. */
export function configureGateway(app: INestApplication): void {
  const express = app.getHttpAdapter().getInstance() as Application;
  express.set('trust proxy', trustProxySetting(app.get(ConfigService).get<string>('TRUST_PROXY')));
  setupOpenApi(app);
}
