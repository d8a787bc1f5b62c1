import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { SignInEmail } from './account-fields.js';

export class LoginDto {
  @ApiProperty({ description: 'Email đăng nhập / Sign-in email', example: 'lan.nguyen@example.vn' })
  @SignInEmail()
  email!: string;

  @ApiProperty({ description: 'Mật khẩu / Password', example: 'CaPhe-BMT-2026', format: 'password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  password!: string;
}
