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

/** A sign-in challenge that is unknown, expired, or older than the account's last security change: `401`. */
export class SignInChallengeInvalidError extends DomainError {
  constructor() {
    super({
      code: 'SIGN_IN_CHALLENGE_INVALID',
      status: HttpStatus.UNAUTHORIZED,
      messages: {
        title: { vi: 'Phiên đăng nhập không hợp lệ', en: 'Sign-in challenge not valid' },
        detail: {
          vi: 'Phiên đăng nhập đã hết hạn hoặc không hợp lệ. Hãy đăng nhập lại bằng email và mật khẩu.',
          en: 'The sign-in challenge has expired or is not valid. Sign in again with your email and password.',
        },
      },
    });
  }
}

/** A wrong, reused or expired code (or recovery code) at the second step of a sign-in: `401`. */
export class SecondFactorRejectedError extends DomainError {
  constructor() {
    super({
      code: 'SECOND_FACTOR_INVALID',
      status: HttpStatus.UNAUTHORIZED,
      messages: {
        title: { vi: 'Mã xác thực không đúng', en: 'Wrong authentication code' },
        detail: {
          vi: 'Mã xác thực sai, đã dùng hoặc đã hết hạn. Hãy nhập mã mới từ ứng dụng xác thực, hoặc một mã khôi phục chưa dùng.',
          en: 'The code is wrong, already used or expired. Enter a fresh code from your authenticator app, or an unused recovery code.',
        },
      },
    });
  }
}

/** A wrong or reused code when the signed-in account confirms or disables its authenticator: `400` on `code`. */
export class SecondFactorCodeInvalidError extends DomainError {
  constructor() {
    super({
      code: 'SECOND_FACTOR_CODE_INVALID',
      status: HttpStatus.BAD_REQUEST,
      messages: {
        title: { vi: 'Mã xác thực không đúng', en: 'Wrong authentication code' },
        detail: {
          vi: 'Mã xác thực sai, đã dùng hoặc đã hết hạn.',
          en: 'The authentication code is wrong, already used or expired.',
        },
      },
      errors: [
        {
          field: 'code',
          message: {
            vi: 'mã không đúng với ứng dụng xác thực',
            en: 'code does not match the authenticator',
          },
        },
      ],
    });
  }
}

/** Too many wrong codes in a row for one account: `429` until the lock ends. */
export class SecondFactorLockedError extends DomainError {
  constructor(retryAfterSeconds: number) {
    super({
      code: 'SECOND_FACTOR_LOCKED',
      status: HttpStatus.TOO_MANY_REQUESTS,
      headers: { 'Retry-After': String(retryAfterSeconds) },
      params: { seconds: String(retryAfterSeconds) },
      messages: {
        title: { vi: 'Tạm khoá xác thực hai lớp', en: 'Second factor temporarily locked' },
        detail: {
          vi: 'Nhập sai mã quá nhiều lần. Hãy thử lại sau {seconds} giây.',
          en: 'Too many wrong codes. Try again in {seconds} seconds.',
        },
      },
    });
  }
}

/** Starting an enrolment while an authenticator is active: `409`, disable it first. */
export class SecondFactorAlreadyEnrolledError extends DomainError {
  constructor() {
    super({
      code: 'SECOND_FACTOR_ALREADY_ENROLLED',
      status: HttpStatus.CONFLICT,
      messages: {
        title: { vi: 'Đã bật xác thực hai lớp', en: 'Second factor already enrolled' },
        detail: {
          vi: 'Tài khoản đã có ứng dụng xác thực. Hãy tắt nó (với một mã hiện tại) trước khi đăng ký lại.',
          en: 'The account already has an authenticator. Disable it (with a current code) before enrolling again.',
        },
      },
    });
  }
}

/** Confirming without a started enrolment, or disabling without an active authenticator: `409`. */
export class SecondFactorNotEnrolledError extends DomainError {
  constructor(expected: 'pending' | 'active') {
    super({
      code: 'SECOND_FACTOR_NOT_ENROLLED',
      status: HttpStatus.CONFLICT,
      extensions: { expected },
      messages: {
        title: { vi: 'Chưa đăng ký xác thực hai lớp', en: 'No second factor to act on' },
        detail:
          expected === 'pending'
            ? {
                vi: 'Không có đăng ký đang chờ xác nhận. Hãy bắt đầu đăng ký trước.',
                en: 'There is no enrolment waiting for confirmation. Start one first.',
              }
            : {
                vi: 'Tài khoản chưa bật xác thực hai lớp.',
                en: 'The account has no active second factor.',
              },
      },
    });
  }
}
