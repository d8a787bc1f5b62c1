import { AccessTokenService, type AuthenticatedUser } from '@khoinghiep/auth';
import type { Role } from '@khoinghiep/contracts';
import { configureHttpApp } from '@khoinghiep/http';
import { API_PREFIX } from '@khoinghiep/platform';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';

const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A database of its own for one test file, dropped first so every run starts from the migrations. */
export async function freshFundingDatabase(suffix: string): Promise<string> {
  const name = `${process.env.DATABASE_PREFIX ?? 'khoinghiep_test_'}funding_${suffix}`;
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

/** The funding app in this process, configured as `runApp` does, on its own database. */
export async function startFundingApp(databaseUrl: string): Promise<INestApplication> {
  process.env.FUNDING_DATABASE_URL = databaseUrl;
  process.env.NODE_ENV = 'test';
  const { AppModule } = await import('../../src/app.module.js');
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    logger: ['error'],
    abortOnError: false,
  });
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health/live', 'health/ready', 'metrics'] });
  configureHttpApp(app);
  await app.init();
  return app;
}

/** Signed-in users with real access tokens. */
export function fundingUsers(app: INestApplication) {
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
