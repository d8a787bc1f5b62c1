import { type AuthenticatedUser, CurrentUser } from '@khoinghiep/auth';
import { Controller, Get } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { AuthenticationService } from './authentication.service.js';
import { UserView } from './dto/user-view.dto.js';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(private readonly authentication: AuthenticationService) {}

  @ApiOperation({ summary: 'Tài khoản đang đăng nhập / The signed-in account' })
  @ApiOkResponse({ type: UserView })
  @ApiUnauthorizedResponse({ description: 'Thiếu hoặc sai mã truy cập / Missing or invalid access token' })
  @Get()
  me(@CurrentUser() caller: AuthenticatedUser): Promise<UserView> {
    return this.authentication.me(caller);
  }
}
