import { ACCOUNT_CHANGE_REASON_MAX, Role } from '@khoinghiep/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { AccountRoles } from './account-fields.js';

/** Why an admin deactivates or reactivates an account (kept in the account's audit and published). */
export class AccountStatusChangeDto {
  @ApiProperty({
    description: 'Lý do (lưu vào nhật ký) / Reason (kept in the audit)',
    example: 'Cán bộ đã nghỉ việc / Officer left the department',
    maxLength: ACCOUNT_CHANGE_REASON_MAX,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(ACCOUNT_CHANGE_REASON_MAX)
  reason!: string;
}

/** An account's new roles, and why. */
export class AccountRolesChangeDto extends AccountStatusChangeDto {
  @AccountRoles('Vai trò mới / New roles')
  roles!: Role[];
}
