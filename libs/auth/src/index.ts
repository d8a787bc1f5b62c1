export {
  AccessTokenService,
  CHALLENGE_TTL_SECONDS,
  type SecondFactorChallenge,
} from './access-token.service.js';
export {
  ACCOUNT_STANDING_ENTITIES,
  ACCOUNT_STANDING_MIGRATIONS,
  AccountStanding1767225600100,
  AccountStandingModule,
  AccountStandingProjector,
  AccountStandingRecord,
  ServiceAccountStanding,
  STAFF_ROLES,
} from './account-standing/index.js';
export { AccountStanding } from './account-standing.js';
export {
  CurrentUser,
  IS_PUBLIC_KEY,
  Public,
  type RequestWithUser,
  RequireSecondFactor,
  ROLES_KEY,
  Roles,
  SECOND_FACTOR_KEY,
} from './auth.decorators.js';
export {
  AccessTokenExpiredError,
  AccessTokenRevokedError,
  AccountDeactivatedError,
  AuthenticationRequiredError,
  InvalidAccessTokenError,
  RoleNotAllowedError,
  SecondFactorRequiredError,
} from './auth.errors.js';
export { AuthModule, type AuthModuleAsyncOptions } from './auth.module.js';
export { AUTH_MODULE_OPTIONS, type AuthModuleOptions, DEFAULT_PUBLIC_PATHS } from './auth.options.js';
export {
  type AccessTokenClaims,
  AUTHENTICATION_METHODS,
  type AuthenticatedUser,
  type AuthenticationMethod,
  hasSecondFactor,
  type IssuedAccessToken,
  TOKEN_AUDIENCE,
  TOKEN_ISSUER,
  type VerifiedAccessToken,
} from './authenticated-user.js';
export { parseDurationSeconds } from './duration.js';
export { bearerToken, JwtAuthGuard } from './jwt-auth.guard.js';
export { RolesGuard } from './roles.guard.js';
export { SecondFactorGuard } from './second-factor.guard.js';
