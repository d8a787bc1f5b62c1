import { ACCOUNT_STATUSES, type AccountStatus, ROLES, type Role } from '@khoinghiep/contracts';
import { ApiProperty } from '@nestjs/swagger';

/** An account as the API shows it (never the password hash). */
export class UserView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'lan.nguyen@example.vn' })
  email!: string;

  @ApiProperty({ description: 'Họ và tên / Full name', example: 'Nguyễn Thị Lan' })
  fullName!: string;

  @ApiProperty({ description: 'Vai trò / Roles', enum: ROLES, isArray: true })
  roles!: Role[];

  @ApiProperty({
    description: 'Trạng thái: hoạt động hoặc đã vô hiệu hoá / Status: active or deactivated',
    enum: ACCOUNT_STATUSES,
  })
  status!: AccountStatus;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class LoginResponse {
  @ApiProperty({ description: 'Mã truy cập JWT / JWT access token' })
  accessToken!: string;

  @ApiProperty({ enum: ['Bearer'], example: 'Bearer' })
  tokenType!: 'Bearer';

  @ApiProperty({ description: 'Thời hạn (giây) / Lifetime in seconds', example: 900 })
  expiresIn!: number;

  @ApiProperty({ type: UserView })
  user!: UserView;

  @ApiProperty({
    description:
      'Xác thực hai lớp: `verified` mã được cấp sau mã TOTP (amr có otp); `not-enrolled` chưa đăng ký; `enrolment-required` vai trò bắt buộc đăng ký (fund_approver, admin) mà chưa đăng ký: mã này không dùng được cho quyết định tiền / Second factor: `verified` the token was issued after a TOTP code (amr includes otp); `not-enrolled` none enrolled; `enrolment-required` the roles must enrol one (fund_approver, admin) and have not: this token cannot make money decisions',
    enum: ['verified', 'not-enrolled', 'enrolment-required'],
  })
  secondFactor!: 'verified' | 'not-enrolled' | 'enrolment-required';
}

/** The answer to a right password when the account has a second factor: no token yet, a challenge. */
export class SecondFactorChallengeResponse {
  @ApiProperty({
    description: 'Luôn là true: cần bước thứ hai / Always true: a second step is needed',
    enum: [true],
  })
  secondFactorRequired!: true;

  @ApiProperty({
    description:
      'Gửi lại cùng mã TOTP đến POST /api/v1/auth/login/second-factor / Send back with the TOTP code to POST /api/v1/auth/login/second-factor',
  })
  challengeToken!: string;

  @ApiProperty({ description: 'Thời hạn (giây) / Lifetime in seconds', example: 300 })
  expiresIn!: number;

  @ApiProperty({
    description: 'Cách xác thực được chấp nhận / Accepted ways to prove it',
    enum: ['totp', 'recovery-code'],
    isArray: true,
  })
  methods!: ('totp' | 'recovery-code')[];
}
