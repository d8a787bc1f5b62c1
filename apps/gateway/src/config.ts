import { ServiceEnv } from '@khoinghiep/config';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsInt,
  IsIP,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
} from 'class-validator';

const SERVICE_URL = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

/** Settings of the gateway app. */
export class GatewayEnv extends ServiceEnv {
  override PORT = 3000;

  /** Where Prometheus scrapes the gateway: a port of its own, never the public one. */
  @IsIP()
  METRICS_HOST = '127.0.0.1';

  /** `0`: a free port of the system's choosing (tests starting extra gateways). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  METRICS_PORT = 9464;

  /** Lifetime of access tokens: seconds, or `15m`, `1h`. */
  @Matches(/^\d+[smhd]?$/)
  ACCESS_TOKEN_TTL = '15m';

  /** The first admin, created at start when the platform has no admin. Unset: no admin is created. */
  @IsOptional()
  @IsEmail()
  ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  ADMIN_PASSWORD?: string;

  /** Login and registration requests allowed per client address in each window. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  AUTH_RATE_LIMIT = 10;

  @Type(() => Number)
  @IsInt()
  @Min(1000)
  AUTH_RATE_WINDOW_MS = 60_000;

  /**
   * Key material (≥ 32 characters) that encrypts the TOTP secrets of the second factor at rest. Unset: derived
   * from `JWT_SECRET` (fine for development; production sets its own, kept apart from the database).
   */
  @IsOptional()
  @IsString()
  @MinLength(32)
  SECOND_FACTOR_KEY?: string;

  /**
   * Express "trust proxy": which proxies' X-Forwarded-For to believe when finding the client address (rate
   * limits). Unset: none, the socket's address counts. E.g. `loopback`, `1`, `10.0.0.0/8`.
   */
  @IsOptional()
  @IsString()
  TRUST_PROXY?: string;

  /** Deadline of every gateway → service call. */
  @Type(() => Number)
  @IsInt()
  @Min(50)
  @Max(60_000)
  SERVICE_TIMEOUT_MS = 5000;

  @IsUrl(SERVICE_URL)
  PROJECTS_URL = 'http://127.0.0.1:3101';

  @IsUrl(SERVICE_URL)
  MATCHING_URL = 'http://127.0.0.1:3102';

  @IsUrl(SERVICE_URL)
  FUNDING_URL = 'http://127.0.0.1:3103';

  @IsUrl(SERVICE_URL)
  TRAINING_URL = 'http://127.0.0.1:3104';
}
