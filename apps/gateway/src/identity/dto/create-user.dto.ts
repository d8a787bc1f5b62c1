import { ROLES, Role } from '@khoinghiep/contracts';
import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsEnum,
  IsNotEmpty,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import {
  HasLettersAndDigits,
  IsNotTheEmail,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
} from '../password-policy.js';

/** An account an admin creates, typically for staff (officers, fund approvers, trainers, admins). */
export class CreateUserDto {
  @ApiProperty({
    description: 'Email đăng nhập / Sign-in email',
    example: 'officer@sokhcn.gov.vn',
    maxLength: 254,
  })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({
    description: 'Mật khẩu ban đầu (cùng chính sách) / Initial password (same policy)',
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    format: 'password',
  })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  @HasLettersAndDigits()
  @IsNotTheEmail('email')
  password!: string;

  @ApiProperty({ description: 'Họ và tên / Full name', example: 'Trần Văn Minh', maxLength: 120 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  fullName!: string;

  @ApiProperty({
    description: 'Vai trò / Roles',
    enum: ROLES,
    isArray: true,
    example: [Role.FundOfficer],
  })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @ArrayMaxSize(ROLES.length)
  @IsEnum(Role, { each: true })
  roles!: Role[];
}
