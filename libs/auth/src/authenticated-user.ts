import type { Role } from '@khoinghiep/contracts';

/**
 * How the caller proved who they are when the token was issued (RFC 8176 `amr` values): `pwd` the password,
 * `otp` a one-time code of their authenticator (TOTP) or one of their recovery codes.
 */
export const AUTHENTICATION_METHODS = ['pwd', 'otp'] as const;
export type AuthenticationMethod = (typeof AUTHENTICATION_METHODS)[number];

/** The signed-in caller, as every service sees it after verifying the access token. */
export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  /**
   * `amr`: how the caller signed in. Every verified token has it (a token without the claim counts as `['pwd']`);
   * a token issued after the second factor carries `['pwd', 'otp']`. Unset only on users built by hand.
   */
  amr?: AuthenticationMethod[];
}

/** Whether the caller's token was issued after the second factor (money decisions need it). */
export function hasSecondFactor(user: Pick<AuthenticatedUser, 'amr'> | undefined): boolean {
  return user?.amr?.includes('otp') ?? false;
}

/** Claims of a platform access token (HS256, issuer and audience `khoinghiep-hub`). */
export interface AccessTokenClaims {
  sub: string;
  email: string;
  name: string;
  roles: Role[];
  iss: string;
  aud: string | string[];
  iat: number;
  exp: number;
  /** The account's security version when the token was issued; a later deactivation or role change raises it. */
  sv: number;
  /** How the caller signed in; absent on tokens issued before the second factor existed (password only). */
  amr?: AuthenticationMethod[];
}

/** A verified token: who it speaks for, and what the account checks compare against. */
export interface VerifiedAccessToken {
  user: AuthenticatedUser;
  /** `sv`: the account's security version at issue. */
  securityVersion: number;
  issuedAt: Date;
  expiresAt: Date;
}

/** What the gateway answers on a successful login. */
export interface IssuedAccessToken {
  accessToken: string;
  tokenType: 'Bearer';
  /** Lifetime in seconds. */
  expiresIn: number;
}

export const TOKEN_ISSUER = 'khoinghiep-hub';
export const TOKEN_AUDIENCE = 'khoinghiep-hub';
