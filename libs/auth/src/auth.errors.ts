import { DomainError } from '@khoinghiep/http';
import { HttpStatus } from '@nestjs/common';

const REALM = 'Bearer realm="khoinghiep-hub"';

/** No access token on a route that needs one: `401`. */
export class AuthenticationRequiredError extends DomainError {
  constructor() {
    super({
      code: 'UNAUTHENTICATED',
      status: HttpStatus.UNAUTHORIZED,
      headers: { 'WWW-Authenticate': REALM },
      messages: {
        title: { vi: 'Chưa xác thực', en: 'Not authenticated' },
        detail: {
          vi: 'Cần đăng nhập và gửi mã truy cập (Authorization: Bearer …).',
          en: 'Sign in and send an access token (Authorization: Bearer …).',
        },
      },
    });
  }
}

/** A token that is malformed, forged, for another audience, or carries unusable claims: `401`. */
export class InvalidAccessTokenError extends DomainError {
  constructor(cause?: unknown) {
    super({
      code: 'INVALID_TOKEN',
      status: HttpStatus.UNAUTHORIZED,
      headers: { 'WWW-Authenticate': `${REALM}, error="invalid_token"` },
      cause,
      messages: {
        title: { vi: 'Mã truy cập không hợp lệ', en: 'Invalid access token' },
        detail: {
          vi: 'Mã truy cập không hợp lệ. Vui lòng đăng nhập lại.',
          en: 'The access token is not valid. Please sign in again.',
        },
      },
    });
  }
}

/** A genuine token past its expiry: `401`, so the client knows to sign in again. */
export class AccessTokenExpiredError extends DomainError {
  constructor(cause?: unknown) {
    super({
      code: 'TOKEN_EXPIRED',
      status: HttpStatus.UNAUTHORIZED,
      headers: { 'WWW-Authenticate': `${REALM}, error="invalid_token", error_description="expired"` },
      cause,
      messages: {
        title: { vi: 'Mã truy cập đã hết hạn', en: 'Access token expired' },
        detail: {
          vi: 'Mã truy cập đã hết hạn. Vui lòng đăng nhập lại.',
          en: 'The access token has expired. Please sign in again.',
        },
      },
    });
  }
}

/** Signed in, but none of the caller's roles may use this route: `403`. */
export class RoleNotAllowedError extends DomainError {
  constructor(required: readonly string[]) {
    super({
      code: 'FORBIDDEN_ROLE',
      status: HttpStatus.FORBIDDEN,
      params: { roles: required.join(', ') },
      extensions: { requiredRoles: required },
      messages: {
        title: { vi: 'Không có quyền', en: 'Forbidden' },
        detail: {
          vi: 'Chức năng này dành cho vai trò: {roles}.',
          en: 'This action is for the roles: {roles}.',
        },
      },
    });
  }
}

/** A genuine token of an account an admin has deactivated: `401`; signing in again will not help. */
export class AccountDeactivatedError extends DomainError {
  constructor() {
    super({
      code: 'ACCOUNT_DEACTIVATED',
      status: HttpStatus.UNAUTHORIZED,
      headers: {
        'WWW-Authenticate': `${REALM}, error="invalid_token", error_description="account deactivated"`,
      },
      messages: {
        title: { vi: 'Tài khoản đã bị vô hiệu hoá', en: 'Account deactivated' },
        detail: {
          vi: 'Tài khoản này đã bị quản trị viên vô hiệu hoá. Hãy liên hệ quản trị viên.',
          en: 'This account has been deactivated by an administrator. Contact an administrator.',
        },
      },
    });
  }
}

/** A genuine token issued before the account's last security change (roles, deactivation): `401`, sign in again. */
export class AccessTokenRevokedError extends DomainError {
  constructor() {
    super({
      code: 'TOKEN_REVOKED',
      status: HttpStatus.UNAUTHORIZED,
      headers: { 'WWW-Authenticate': `${REALM}, error="invalid_token", error_description="revoked"` },
      messages: {
        title: { vi: 'Mã truy cập đã bị thu hồi', en: 'Access token revoked' },
        detail: {
          vi: 'Tài khoản đã thay đổi (vai trò hoặc trạng thái) sau khi mã này được cấp. Vui lòng đăng nhập lại.',
          en: 'The account changed (roles or status) after this token was issued. Please sign in again.',
        },
      },
    });
  }
}

/**
 * A route for money decisions reached with a token issued after the password only: `403`. The caller signs in
 * again with the code of their authenticator (or enrols one first, at `POST /api/v1/me/second-factor`).
 */
export class SecondFactorRequiredError extends DomainError {
  constructor() {
    super({
      code: 'SECOND_FACTOR_REQUIRED',
      status: HttpStatus.FORBIDDEN,
      headers: {
        'WWW-Authenticate': `${REALM}, error="insufficient_user_authentication", error_description="second factor required"`,
      },
      messages: {
        title: { vi: 'Cần xác thực hai lớp', en: 'Second factor required' },
        detail: {
          vi: 'Chức năng này cần mã truy cập cấp sau khi nhập mã xác thực hai lớp (TOTP). Hãy đăng nhập lại với mã từ ứng dụng xác thực, hoặc đăng ký ứng dụng xác thực trước.',
          en: 'This action needs an access token issued after the second factor (TOTP). Sign in again with the code of your authenticator app, or enrol one first.',
        },
      },
    });
  }
}
