import { createSecretKey } from 'node:crypto';
import { ROLES, type Role } from '@khoinghiep/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { AccessTokenExpiredError, InvalidAccessTokenError } from './auth.errors.js';
import { AUTH_MODULE_OPTIONS, type AuthModuleOptions } from './auth.options.js';
import {
  type AccessTokenClaims,
  type AuthenticatedUser,
  type IssuedAccessToken,
  TOKEN_AUDIENCE,
  TOKEN_ISSUER,
  type VerifiedAccessToken,
} from './authenticated-user.js';
import { parseDurationSeconds } from './duration.js';

const DEFAULT_TTL_SECONDS = 15 * 60;

function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

function isSecurityVersion(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
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

  /** A token for `user`; `securityVersion` is the account's current one (0 until its first security change). */
  issue(user: AuthenticatedUser, securityVersion = 0): IssuedAccessToken {
    const accessToken = this.jwt.sign(
      { email: user.email, name: user.name, roles: user.roles, sv: securityVersion },
      { subject: user.id, expiresIn: this.ttlSeconds },
    );
    return { accessToken, tokenType: 'Bearer', expiresIn: this.ttlSeconds };
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
    const { sub, email, name, roles, iat, exp, sv } = claims;
    if (!isNonEmptyString(sub) || !isNonEmptyString(email) || typeof name !== 'string') {
      throw new InvalidAccessTokenError();
    }
    if (!Array.isArray(roles) || !roles.every(isRole)) throw new InvalidAccessTokenError();
    if (!isNumericDate(iat) || !isNumericDate(exp) || exp <= iat) throw new InvalidAccessTokenError();
    if (!isSecurityVersion(sv)) throw new InvalidAccessTokenError();
    return {
      user: { id: sub, email, name, roles: [...roles] },
      securityVersion: sv,
      issuedAt: new Date(iat * 1000),
      expiresAt: new Date(exp * 1000),
    };
  }
}
