import type { VerifiedAccessToken } from './authenticated-user.js';

/**
 * What an app knows about accounts beyond their tokens. When an app provides one (through
 * `AuthModule.forRootAsync({ imports })`), `JwtAuthGuard` asks it about every verified token; it throws a
 * `DomainError` (e.g. `AccountDeactivatedError`, `AccessTokenRevokedError`) to refuse the token.
 */
export abstract class AccountStanding {
  abstract admit(token: VerifiedAccessToken): Promise<void>;
}
