import { AccessTokenService, type AuthenticatedUser } from '@khoinghiep/auth';
import type { Role } from '@khoinghiep/contracts';
import { configureHttpApp } from '@khoinghiep/http';
import { connectEventConsumer, KafkaEventServer } from '@khoinghiep/messaging';
import { API_PREFIX } from '@khoinghiep/platform';
import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import type { AppName } from './apps.js';

const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * A database of its own for one test file (`<DATABASE_PREFIX><suffix>`), dropped first so every run starts from the
 * migrations. Returns its URL.
 */
export async function freshDatabase(suffix: string): Promise<string> {
  const name = `${process.env.DATABASE_PREFIX ?? 'khoinghiep_test_'}${suffix}`;
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.href;
}

/**
 * A service app in this process, configured as `runApp` does, on the database at `databaseUrl`. The module is loaded
 * only after `<APP>_DATABASE_URL` is set, since its settings are read when it is imported. With `consumeEvents` it
 * also reads its topics, and is returned once its consumer has joined its group.
 */
export async function startServiceApp(
  app: AppName,
  loadModule: () => Promise<Type>,
  databaseUrl: string,
  { consumeEvents = false }: { consumeEvents?: boolean } = {},
): Promise<INestApplication> {
  process.env[`${app.toUpperCase()}_DATABASE_URL`] = databaseUrl;
  process.env.NODE_ENV = 'test';
  const nest = await NestFactory.create<NestExpressApplication>(await loadModule(), {
    logger: ['error'],
    abortOnError: false,
  });
  nest.setGlobalPrefix(API_PREFIX, { exclude: ['health/live', 'health/ready', 'metrics'] });
  configureHttpApp(nest);
  if (consumeEvents) connectEventConsumer(nest);
  await nest.init();
  if (consumeEvents) {
    await nest.startAllMicroservices();
    await nest.get(KafkaEventServer).whenJoined();
  }
  return nest;
}

/** Signed-in users of every kind, with real access tokens issued by `app`. */
export function userFactory(app: INestApplication) {
  const tokens = app.get(AccessTokenService);
  return (role: Role, name: string = role): { user: AuthenticatedUser; auth: string } => {
    const user: AuthenticatedUser = {
      id: uuidv7(),
      email: `${name}-${uuidv7()}@itest.khoinghiep.vn`,
      name,
      roles: [role],
    };
    return { user, auth: `Bearer ${tokens.issue(user).accessToken}` };
  };
}
