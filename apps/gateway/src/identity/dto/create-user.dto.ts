import { Role } from '@khoinghiep/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../password-policy.js';
import { AccountEmail, AccountRoles, FullName, PolicyPassword } from './account-fields.js';

/** An account an admin creates, typically for staff (officers, fund approvers, trainers, admins). */
export class CreateUserDto {
  @ApiProperty({
    description: 'Email đăng nhập / Sign-in email',
    example: 'officer@sokhcn.gov.vn',
    maxLength: 254,
  })
  @AccountEmail()
  email!: string;

  @ApiProperty({
    description: 'Mật khẩu ban đầu (cùng chính sách) / Initial password (same policy)',
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    format: 'password',
  })
  @PolicyPassword()
  password!: string;

  @ApiProperty({ description: 'Họ và tên / Full name', example: 'Trần Văn Minh', maxLength: 120 })
  @FullName()
  fullName!: string;

  @AccountRoles('Vai trò / Roles')
  roles!: Role[];
}
