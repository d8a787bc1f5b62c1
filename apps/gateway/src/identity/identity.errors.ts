import { DomainError } from '@khoinghiep/http';
import { HttpStatus } from '@nestjs/common';

/** Registering (or creating) an account for an address that already has one: `409`. */
export class EmailAlreadyRegisteredError extends DomainError {
  constructor() {
    super({
      code: 'EMAIL_ALREADY_REGISTERED',
      status: HttpStatus.CONFLICT,
      messages: {
        title: { vi: 'Email đã được đăng ký', en: 'Email already registered' },
        detail: {
          vi: 'Đã có tài khoản dùng email này. Hãy đăng nhập hoặc dùng email khác.',
          en: 'An account with this email already exists. Sign in or use another email.',
        },
      },
      errors: [
        {
          field: 'email',
          message: { vi: 'email đã được đăng ký', en: 'email is already registered' },
        },
      ],
    });
  }
}

/**
 * Wrong email or wrong password, deliberately indistinguishable: `401`. The same words whichever was wrong, so
 * the answer does not reveal which addresses have accounts.
 */
export class InvalidCredentialsError extends DomainError {
  constructor() {
    super({
      code: 'INVALID_CREDENTIALS',
      status: HttpStatus.UNAUTHORIZED,
      messages: {
        title: { vi: 'Đăng nhập không thành công', en: 'Sign-in failed' },
        detail: { vi: 'Email hoặc mật khẩu không đúng.', en: 'The email or password is incorrect.' },
      },
    });
  }
}

/** A valid token for an account that no longer exists: `401`, the client must sign in again. */
export class AccountNotFoundError extends DomainError {
  constructor() {
    super({
      code: 'ACCOUNT_NOT_FOUND',
      status: HttpStatus.UNAUTHORIZED,
      headers: { 'WWW-Authenticate': 'Bearer realm="khoinghiep-hub", error="invalid_token"' },
      messages: {
        title: { vi: 'Tài khoản không tồn tại', en: 'Account not found' },
        detail: {
          vi: 'Tài khoản của mã truy cập này không còn tồn tại.',
          en: 'The account this access token belongs to no longer exists.',
        },
      },
    });
  }
}
