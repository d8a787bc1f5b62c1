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
}
