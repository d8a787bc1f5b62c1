import { Roles } from '@khoinghiep/auth';
import { Role } from '@khoinghiep/contracts';
import { Body, Controller, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CreateUserDto } from './dto/create-user.dto.js';
import { UserView } from './dto/user-view.dto.js';
import { toUserView } from './user.mapper.js';
import { UsersService } from './users.service.js';

/** Account management for the platform's admins. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles(Role.Admin)
@Controller('admin/users')
export class AdminUsersController {
  constructor(private readonly users: UsersService) {}

  @ApiOperation({ summary: 'Tạo tài khoản cán bộ / Create a staff account' })
  @ApiCreatedResponse({ type: UserView })
  @ApiForbiddenResponse({ description: 'Chỉ dành cho quản trị viên / Admins only' })
  @ApiConflictResponse({ description: 'Email đã được đăng ký / Email already registered' })
  @Post()
  async create(@Body() body: CreateUserDto): Promise<UserView> {
    return toUserView(await this.users.create(body));
  }
}
