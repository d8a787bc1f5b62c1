import { type AuthenticatedUser, CurrentUser, Roles } from '@khoinghiep/auth';
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
