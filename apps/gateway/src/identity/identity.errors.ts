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

/** An admin route naming an account that does not exist: `404`. */
export class AccountNotFoundByIdError extends DomainError {
  constructor() {
    super({
      code: 'USER_NOT_FOUND',
      status: HttpStatus.NOT_FOUND,
      messages: {
        title: { vi: 'Không tìm thấy tài khoản', en: 'Account not found' },
        detail: { vi: 'Không có tài khoản với mã này.', en: 'There is no account with this id.' },
      },
    });
  }
}

/** Deactivating a deactivated account, or reactivating an active one: `409`. */
export class AccountAlreadyInStatusError extends DomainError {
  constructor(status: 'active' | 'deactivated') {
    super({
      code: 'ACCOUNT_STATUS_UNCHANGED',
      status: HttpStatus.CONFLICT,
      extensions: { accountStatus: status },
      messages: {
        title: { vi: 'Trạng thái tài khoản không đổi', en: 'Account status unchanged' },
        detail:
          status === 'active'
            ? { vi: 'Tài khoản đang hoạt động.', en: 'The account is already active.' }
            : { vi: 'Tài khoản đã bị vô hiệu hoá.', en: 'The account is already deactivated.' },
      },
    });
  }
}

/** An admin changing their own status or roles: `409`, another admin must do it. */
export class OwnAccountChangeError extends DomainError {
  constructor() {
    super({
      code: 'OWN_ACCOUNT_CHANGE',
      status: HttpStatus.CONFLICT,
      messages: {
        title: { vi: 'Không thể tự thay đổi tài khoản', en: 'Cannot change your own account' },
        detail: {
          vi: 'Quản trị viên không thể tự vô hiệu hoá hay đổi vai trò của mình; hãy nhờ một quản trị viên khác.',
          en: 'Admins cannot deactivate themselves or change their own roles; ask another admin.',
        },
      },
    });
  }
}
