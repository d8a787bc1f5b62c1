import { createSecretKey } from 'node:crypto';
import { ROLES, type Role } from '@khoinghiep/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { AccessTokenExpiredError, InvalidAccessTokenError } from './auth.errors.js';
import { AUTH_MODULE_OPTIONS, type AuthModuleOptions } from './auth.options.js';
import {
  type AccessTokenClaims,
  AUTHENTICATION_METHODS,
  type AuthenticatedUser,
  type AuthenticationMethod,
  type IssuedAccessToken,
  TOKEN_AUDIENCE,
  TOKEN_ISSUER,
  type VerifiedAccessToken,
} from './authenticated-user.js';
import { parseDurationSeconds } from './duration.js';

const DEFAULT_TTL_SECONDS = 15 * 60;
/** Audience of a sign-in challenge: never accepted where an access token is expected, nor the reverse. */
const CHALLENGE_AUDIENCE = `${TOKEN_AUDIENCE}:second-factor`;
/** Time between the password and the code of a sign-in. */
export const CHALLENGE_TTL_SECONDS = 5 * 60;

/** A verified sign-in challenge: whose password was right, and the account's security version then. */
export interface SecondFactorChallenge {
  accountId: string;
  securityVersion: number;
}

function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

function isSecurityVersion(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isAuthenticationMethods(value: unknown): value is AuthenticationMethod[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((m) => (AUTHENTICATION_METHODS as readonly unknown[]).includes(m))
  );
}

function isNumericDate(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

/** Issues (gateway) and verifies (every service) the platform's HS256 access tokens. */
@Injectable()
export class AccessTokenService {
  private readonly jwt: JwtService;
  readonly ttlSeconds: number;

  constructor(@Inject(AUTH_MODULE_OPTIONS) options: AuthModuleOptions) {
    if (!options.secret) throw new Error('AuthModule needs a JWT secret');
    this.ttlSeconds =
      options.accessTokenTtl === undefined
        ? DEFAULT_TTL_SECONDS
        : parseDurationSeconds(options.accessTokenTtl);
    this.jwt = new JwtService({
      // A prepared key: given a string, jsonwebtoken tries to parse it as a PEM key on every verify (30x slower).
      secret: createSecretKey(Buffer.from(options.secret, 'utf8')),
      signOptions: { algorithm: 'HS256', issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE },
      verifyOptions: { algorithms: ['HS256'], issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE },
    });
  }

  /**
   * A token for `user`; `securityVersion` is the account's current one (0 until its first security change). Its
   * `amr` claim is `user.amr`, `['pwd']` when unset: only the gateway, after checking the code, issues `otp`.
   */
  issue(user: AuthenticatedUser, securityVersion = 0): IssuedAccessToken {
    const amr: AuthenticationMethod[] = user.amr ? [...user.amr] : ['pwd'];
    const accessToken = this.jwt.sign(
      { email: user.email, name: user.name, roles: user.roles, sv: securityVersion, amr },
      { subject: user.id, expiresIn: this.ttlSeconds },
    );
    return { accessToken, tokenType: 'Bearer', expiresIn: this.ttlSeconds };
  }

  /**
   * A short-lived token saying "the password of this account was right", to send back with the code of the
   * second factor. Signed with the same key as access tokens but for another audience, so neither passes for
   * the other.
   */
  issueChallenge(accountId: string, securityVersion: number): { challengeToken: string; expiresIn: number } {
    const challengeToken = this.jwt.sign(
      { sv: securityVersion },
      { subject: accountId, audience: CHALLENGE_AUDIENCE, expiresIn: CHALLENGE_TTL_SECONDS },
    );
    return { challengeToken, expiresIn: CHALLENGE_TTL_SECONDS };
  }

  /** The challenge's account, or `null` for a token that is not a valid, unexpired challenge. */
  verifyChallenge(token: string): SecondFactorChallenge | null {
    try {
      const { sub, sv } = this.jwt.verify<{ sub?: unknown; sv?: unknown }>(token, {
        audience: CHALLENGE_AUDIENCE,
      });
      if (!isNonEmptyString(sub) || !isSecurityVersion(sv)) return null;
      return { accountId: sub, securityVersion: sv };
    } catch {
      return null;
    }
  }

  /** The user a token speaks for; throws `AccessTokenExpiredError` or `InvalidAccessTokenError`. */
  verify(token: string): AuthenticatedUser {
    return this.verifyToken(token).user;
  }

  /**
   * The user and the token's dates and security version. A token must carry every claim the platform issues:
   * one without an expiry would be valid for ever, one without `sv` could not be revoked.
   */
  verifyToken(token: string): VerifiedAccessToken {
    let claims: Partial<AccessTokenClaims>;
    try {
      claims = this.jwt.verify<Partial<AccessTokenClaims>>(token);
    } catch (error) {
      if (error instanceof TokenExpiredError) throw new AccessTokenExpiredError(error);
      throw new InvalidAccessTokenError(error);
    }
    const { sub, email, name, roles, iat, exp, sv, amr } = claims;
    if (!isNonEmptyString(sub) || !isNonEmptyString(email) || typeof name !== 'string') {
      throw new InvalidAccessTokenError();
    }
    if (!Array.isArray(roles) || !roles.every(isRole)) throw new InvalidAccessTokenError();
    if (!isNumericDate(iat) || !isNumericDate(exp) || exp <= iat) throw new InvalidAccessTokenError();
    if (!isSecurityVersion(sv)) throw new InvalidAccessTokenError();
    if (amr !== undefined && !isAuthenticationMethods(amr)) throw new InvalidAccessTokenError();
    return {
      user: { id: sub, email, name, roles: [...roles], amr: amr ? [...amr] : ['pwd'] },
      securityVersion: sv,
      issuedAt: new Date(iat * 1000),
      expiresAt: new Date(exp * 1000),
    };
  }
}
