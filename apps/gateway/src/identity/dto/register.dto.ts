import { Role } from '@khoinghiep/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../password-policy.js';
import { AccountEmail, FullName, PolicyPassword } from './account-fields.js';

/** Roles a person may give themselves; staff roles are granted by an admin. */
export const SELF_REGISTRATION_ROLES = [Role.Founder, Role.Investor] as const;
export type SelfRegistrationRole = (typeof SELF_REGISTRATION_ROLES)[number];

export class RegisterDto {
  @ApiProperty({
    description: 'Email đăng nhập (không phân biệt hoa thường) / Sign-in email (case-insensitive)',
    example: 'lan.nguyen@example.vn',
    maxLength: 254,
  })
  @AccountEmail()
  email!: string;

  @ApiProperty({
    description:
      'Mật khẩu: 10–128 ký tự, có chữ cái và chữ số, khác email / Password: 10–128 characters, letters and digits, not the email',
    example: 'CaPhe-BMT-2026',
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    format: 'password',
  })
  @PolicyPassword()
  password!: string;

  @ApiProperty({ description: 'Họ và tên / Full name', example: 'Nguyễn Thị Lan', maxLength: 120 })
  @FullName()
  fullName!: string;

  @ApiProperty({
    description:
      'Vai trò tự đăng ký: nhà sáng lập hoặc nhà đầu tư / Self-registration role: founder or investor',
    enum: SELF_REGISTRATION_ROLES,
    example: Role.Founder,
  })
  @IsIn(SELF_REGISTRATION_ROLES)
  role!: SelfRegistrationRole;
}
