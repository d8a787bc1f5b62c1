import { Public } from '@khoinghiep/auth';
import { Body, Controller, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { AuthenticationService } from './authentication.service.js';
import { LoginDto } from './dto/login.dto.js';
import { RegisterDto } from './dto/register.dto.js';
import { LoginResponse, UserView } from './dto/user-view.dto.js';

/** Registration and sign-in: open to anyone, rate-limited per client address. */
@ApiTags('auth')
@ApiTooManyRequestsResponse({ description: 'Quá nhiều yêu cầu / Too many requests (problem+json)' })
@Public()
@UseGuards(ThrottlerGuard)
@Controller('auth')
export class AuthController {
  constructor(private readonly authentication: AuthenticationService) {}

  @ApiOperation({
    summary: 'Đăng ký tài khoản nhà sáng lập hoặc nhà đầu tư / Register as a founder or an investor',
  })
  @ApiCreatedResponse({ type: UserView })
  @ApiBadRequestResponse({
    description: 'Dữ liệu không hợp lệ / Invalid input (problem+json, errors[] per field)',
  })
  @ApiConflictResponse({ description: 'Email đã được đăng ký / Email already registered' })
  @Post('register')
  register(@Body() body: RegisterDto): Promise<UserView> {
    return this.authentication.register(body);
  }

  @ApiOperation({ summary: 'Đăng nhập, nhận mã truy cập / Sign in and get an access token' })
  @ApiOkResponse({ type: LoginResponse })
  @ApiUnauthorizedResponse({ description: 'Email hoặc mật khẩu không đúng / Wrong email or password' })
  @HttpCode(HttpStatus.OK)
  @Post('login')
  login(@Body() body: LoginDto): Promise<LoginResponse> {
    return this.authentication.login(body.email, body.password);
  }
}
