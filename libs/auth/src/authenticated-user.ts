import type { Role } from '@khoinghiep/contracts';

/** The signed-in caller, as every service sees it after verifying the access token. */
export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
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
