import { type AuthenticatedUser, CurrentUser, RequireSecondFactor, Roles } from '@khoinghiep/auth';
import { Role } from '@khoinghiep/contracts';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AccountAdminService } from './account-admin.service.js';
import { AccountRolesChangeDto, AccountStatusChangeDto } from './dto/account-change.dto.js';
import { AccountSecurityChangeView } from './dto/account-security-change-view.dto.js';
import { CreateUserDto } from './dto/create-user.dto.js';
import { UserView } from './dto/user-view.dto.js';
import { SecondFactorService } from './second-factor/second-factor.service.js';
import { toUserView } from './user.mapper.js';
import { UsersService } from './users.service.js';

const ACCOUNT_ID = new ParseUUIDPipe({ version: undefined });

/** Account management for the platform's admins. */
@ApiTags('admin')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Chỉ dành cho quản trị viên / Admins only' })
@ApiBadRequestResponse({
  description: 'Dữ liệu không hợp lệ / Invalid input (problem+json, errors[] per field)',
})
@Roles(Role.Admin)
@Controller('admin/users')
export class AdminUsersController {
  constructor(
    private readonly users: UsersService,
    private readonly accounts: AccountAdminService,
    private readonly secondFactors: SecondFactorService,
  ) {}

  @ApiOperation({ summary: 'Tạo tài khoản cán bộ / Create a staff account' })
  @ApiCreatedResponse({ type: UserView })
  @ApiConflictResponse({ description: 'Email đã được đăng ký / Email already registered' })
  @Post()
  async create(@Body() body: CreateUserDto): Promise<UserView> {
    return toUserView(await this.users.create(body));
  }

  @ApiOperation({
    summary:
      'Vô hiệu hoá tài khoản; mọi mã truy cập của nó bị từ chối / Deactivate an account; all its tokens are refused',
  })
  @ApiOkResponse({ type: UserView })
  @ApiNotFoundResponse({ description: 'Không có tài khoản này / No such account' })
  @ApiConflictResponse({
    description: 'Đã vô hiệu hoá, hoặc là chính mình / Already deactivated, or yourself',
  })
  @HttpCode(HttpStatus.OK)
  @Post(':id/deactivation')
  async deactivate(
    @Param('id', ACCOUNT_ID) id: string,
    @Body() body: AccountStatusChangeDto,
    @CurrentUser() admin: AuthenticatedUser,
  ): Promise<UserView> {
    return toUserView(
      await this.accounts.deactivate({ accountId: id, actorId: admin.id, reason: body.reason }),
    );
  }

  @ApiOperation({ summary: 'Kích hoạt lại tài khoản / Reactivate an account' })
  @ApiOkResponse({ type: UserView })
  @ApiNotFoundResponse({ description: 'Không có tài khoản này / No such account' })
  @ApiConflictResponse({ description: 'Đang hoạt động, hoặc là chính mình / Already active, or yourself' })
  @HttpCode(HttpStatus.OK)
  @Post(':id/reactivation')
  async reactivate(
    @Param('id', ACCOUNT_ID) id: string,
    @Body() body: AccountStatusChangeDto,
    @CurrentUser() admin: AuthenticatedUser,
  ): Promise<UserView> {
    return toUserView(
      await this.accounts.reactivate({ accountId: id, actorId: admin.id, reason: body.reason }),
    );
  }

  @ApiOperation({
    summary: 'Đổi vai trò; mã truy cập cũ bị từ chối / Change the roles; tokens issued before are refused',
  })
  @ApiOkResponse({ type: UserView })
  @ApiNotFoundResponse({ description: 'Không có tài khoản này / No such account' })
  @ApiConflictResponse({ description: 'Là chính mình / Yourself' })
  @Put(':id/roles')
  async changeRoles(
    @Param('id', ACCOUNT_ID) id: string,
    @Body() body: AccountRolesChangeDto,
    @CurrentUser() admin: AuthenticatedUser,
  ): Promise<UserView> {
    return toUserView(
      await this.accounts.changeRoles({
        accountId: id,
        actorId: admin.id,
        reason: body.reason,
        roles: body.roles,
      }),
    );
  }

  @ApiOperation({
    summary:
      "Gỡ xác thực hai lớp của tài khoản khác (mất ứng dụng và mã khôi phục) / Remove another account's second factor (authenticator and recovery codes lost)",
    description:
      "Cần mã truy cập của quản trị viên cấp sau xác thực hai lớp. Ghi nhật ký với lý do; các mã truy cập của tài khoản bị thu hồi, tài khoản đăng nhập bằng mật khẩu cho đến khi đăng ký lại. / Needs an admin token issued with the second factor. Audited with the reason; the account's tokens are revoked and it signs in with its password until it enrols again.",
  })
  @ApiOkResponse({ type: UserView })
  @ApiForbiddenResponse({
    description:
      'Chỉ quản trị viên, với xác thực hai lớp / Admins only, with the second factor (FORBIDDEN_ROLE, SECOND_FACTOR_REQUIRED)',
  })
  @ApiNotFoundResponse({ description: 'Không có tài khoản này / No such account' })
  @ApiConflictResponse({
    description:
      'Tài khoản chưa có xác thực hai lớp, hoặc là chính mình / No second factor, or yourself (SECOND_FACTOR_NOT_ENROLLED, OWN_ACCOUNT_CHANGE)',
  })
  @RequireSecondFactor()
  @HttpCode(HttpStatus.OK)
  @Post(':id/second-factor/reset')
  async resetSecondFactor(
    @Param('id', ACCOUNT_ID) id: string,
    @Body() body: AccountStatusChangeDto,
    @CurrentUser() admin: AuthenticatedUser,
  ): Promise<UserView> {
    return toUserView(
      await this.secondFactors.reset({ accountId: id, actorId: admin.id, reason: body.reason }),
    );
  }

  @ApiOperation({
    summary:
      "Nhật ký thay đổi bảo mật của tài khoản (mới nhất trước) / The account's security changes, newest first",
  })
  @ApiOkResponse({ type: AccountSecurityChangeView, isArray: true })
  @ApiNotFoundResponse({ description: 'Không có tài khoản này / No such account' })
  @Get(':id/security-changes')
  async securityChanges(@Param('id', ACCOUNT_ID) id: string): Promise<AccountSecurityChangeView[]> {
    return (await this.accounts.history(id)).map((change) => ({
      change: change.change,
      reason: change.reason,
      actorId: change.actorId,
      status: change.status,
      roles: [...change.roles],
      occurredAt: change.occurredAt.toISOString(),
    }));
  }
}
