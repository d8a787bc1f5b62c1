import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotIn, IsOptional, IsString, Max, Min, MinLength, ValidateIf } from 'class-validator';

const DEVELOPMENT_JWT_SECRET = 'khoinghiep-local-development-secret-change-me';

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

  /** HTTP port; each app's settings class gives its own default. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @ValidateIf((env: ServiceEnv) => env.NODE_ENV === 'production')
  @IsString()
  @MinLength(32)
  @IsNotIn([DEVELOPMENT_JWT_SECRET], { message: 'JWT_SECRET must be set in production' })
  JWT_SECRET: string = DEVELOPMENT_JWT_SECRET;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';
}

export function isDevelopmentSecret(secret: string): boolean {
  return secret === DEVELOPMENT_JWT_SECRET;
}
