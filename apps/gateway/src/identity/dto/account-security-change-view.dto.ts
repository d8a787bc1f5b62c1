import { ACCOUNT_STATUSES, type AccountStatus, ROLES, type Role } from '@khoinghiep/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { ACCOUNT_CHANGES, type AccountChange } from '../account-security-change.entity.js';

/** One security change to an account, as its audit shows it. */
export class AccountSecurityChangeView {
  @ApiProperty({ description: 'Thay đổi / Change', enum: ACCOUNT_CHANGES })
  change!: AccountChange;

  @ApiProperty({ description: 'Lý do / Reason' })
  reason!: string;

  @ApiProperty({ description: 'Quản trị viên thực hiện / Admin who made it', format: 'uuid' })
  actorId!: string;

  @ApiProperty({ description: 'Trạng thái sau thay đổi / Status after it', enum: ACCOUNT_STATUSES })
  status!: AccountStatus;

  @ApiProperty({ description: 'Vai trò sau thay đổi / Roles after it', enum: ROLES, isArray: true })
  roles!: Role[];

  @ApiProperty({ format: 'date-time' })
  occurredAt!: string;
}
