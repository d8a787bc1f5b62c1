/** Settings of `AuthModule`; every service passes the same `secret` (`JWT_SECRET`). */
export interface AuthModuleOptions {
  /** HS256 key shared by the gateway (which issues) and every service (which verify). */
  secret: string;
  /** Lifetime of issued access tokens: seconds or `15m`, `1h`. Default 15 minutes. */
  accessTokenTtl?: string | number;
  /** Register `JwtAuthGuard`, `RolesGuard` and `SecondFactorGuard` for every route (`APP_GUARD`). Default `true`. */
  globalGuards?: boolean;
  /**
   * Request paths open without a token even under global guards, for endpoints whose controllers cannot carry
   * `@Public()` (health checks, Prometheus). Default `/health/live`, `/health/ready`, `/metrics`.
   */
  publicPaths?: readonly string[];
}

export const AUTH_MODULE_OPTIONS = Symbol('AUTH_MODULE_OPTIONS');

export const DEFAULT_PUBLIC_PATHS: readonly string[] = ['/health/live', '/health/ready', '/metrics'];
