import { Type } from 'class-transformer';
import { IsIn, IsInt, IsIP, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';
import { installationJwtSecret } from './installation-secret.js';
import { validateEnv } from './validate-env.js';

/**
 * Settings every app reads. Defaults work on a developer machine; production must set secrets explicitly.
 */
export class ServiceEnv {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  /** PostgreSQL server used for administration (creating the app's database); the app database is derived from it. */
  @IsString()
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

  /** Prefix of every app database name: `<prefix><app>`. */
  @IsString()
  DATABASE_PREFIX = 'khoinghiep_';

  /** Comma-separated Kafka bootstrap servers. */
  @IsString()
  KAFKA_BROKERS = '127.0.0.1:9092';

  /** Address the HTTP port listens on: loopback unless told otherwise (containers set `0.0.0.0`). */
  @IsIP()
  HOST = '127.0.0.1';

  /** HTTP port; each app's settings class gives its own default. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  /**
   * HS256 key shared by the gateway and the services. Outside production, unset means this installation's own
   * random key (`.local/jwt-secret`); production must set it.
   */
  @IsString({ message: 'JWT_SECRET must be set in production' })
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET!: string;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';
}

/** The environment with JWT_SECRET filled in from the installation's key when it is unset outside production. */
export function withInstallationJwtSecret(
  raw: Record<string, unknown>,
  secret: () => string = installationJwtSecret,
): Record<string, unknown> {
  const unset = raw.JWT_SECRET === undefined || raw.JWT_SECRET === '';
  if (!unset || raw.NODE_ENV === 'production') return raw;
  return { ...raw, JWT_SECRET: secret() };
}

/** `validateEnv` for an app's settings class, with the local signing key where one is allowed. */
export function validateServiceEnv<T extends ServiceEnv>(
  envClass: new () => T,
): (raw: Record<string, unknown>) => T {
  const validate = validateEnv(envClass);
  return (raw) => validate(withInstallationJwtSecret(raw));
}
