import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { LoginResponse } from './user-view.dto.js';

const CODE_PATTERN = /^\d{6}$/;
const CODE_MESSAGE = 'code phải gồm 6 chữ số / code must be 6 digits';

/** Which kind of second factor to enrol; TOTP is the only one so far. */
export class SecondFactorEnrolmentDto {
  @ApiProperty({
    description: 'Loại xác thực hai lớp: hiện chỉ có totp / Kind of second factor: only totp so far',
    enum: ['totp'],
    example: 'totp',
  })
  @IsIn(['totp'])
  method!: 'totp';
}

/** A code of the authenticator app. */
export class SecondFactorCodeDto {
  @ApiProperty({
    description: 'Mã 6 chữ số từ ứng dụng xác thực / 6-digit code from the authenticator app',
    example: '492039',
    pattern: '^\\d{6}$',
  })
  @IsString()
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  code!: string;
}

/** A code of the authenticator app, or one of the recovery codes: exactly one of the two. */
export class SecondFactorProofDto {
  @ApiPropertyOptional({
    description: 'Mã 6 chữ số từ ứng dụng xác thực / 6-digit code from the authenticator app',
    example: '492039',
    pattern: '^\\d{6}$',
  })
  @IsOptional()
  @IsString()
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  code?: string;

  @ApiPropertyOptional({
    description:
      'Một mã khôi phục chưa dùng, thay cho mã TOTP (mỗi mã dùng một lần) / An unused recovery code instead of the TOTP code (each works once)',
    example: 'k7m2p-x9q4t',
    maxLength: 32,
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  recoveryCode?: string;
}

/** The second step of a sign-in. */
export class SecondFactorSignInDto extends SecondFactorProofDto {
  @ApiProperty({ description: 'challengeToken từ POST /auth/login / challengeToken from POST /auth/login' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2048)
  challengeToken!: string;
}

/** A started enrolment: the secret to put in the authenticator app. Shown this once. */
export class SecondFactorEnrolmentView {
  @ApiProperty({
    description:
      'Khoá bí mật base32, nhập tay vào ứng dụng xác thực; không hiển thị lại / Base32 secret to type into the app; never shown again',
    example: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  })
  secret!: string;

  @ApiProperty({
    description: 'URI otpauth:// để hiện dạng mã QR / otpauth:// URI to show as a QR code',
    example: 'otpauth://totp/Kh%E1%BB%9Fi%20nghi%E1%BB%87p%20Hub:lan%40example.vn?issuer=...',
  })
  otpauthUri!: string;
}

/** A confirmed enrolment: a token issued with the second factor, and the recovery codes, shown this once. */
export class SecondFactorConfirmationView extends LoginResponse {
  @ApiProperty({
    description:
      'Mã khôi phục, mỗi mã dùng một lần; chỉ hiển thị lần này, hãy cất giữ / Recovery codes, each usable once; shown only now, keep them safe',
    type: [String],
    example: ['k7m2p-x9q4t', 'a3c8e-2w5rz'],
  })
  recoveryCodes!: string[];
}

/** The caller's second factor. */
export class SecondFactorStateView {
  @ApiProperty({
    description: 'Trạng thái / Status',
    enum: ['not-enrolled', 'pending', 'active'],
  })
  status!: 'not-enrolled' | 'pending' | 'active';

  @ApiProperty({
    description:
      'Vai trò bắt buộc đăng ký (fund_approver, admin) / The roles require enrolment (fund_approver, admin)',
  })
  required!: boolean;

  @ApiProperty({ description: 'Số mã khôi phục chưa dùng / Unused recovery codes', example: 10 })
  recoveryCodesLeft!: number;
}
