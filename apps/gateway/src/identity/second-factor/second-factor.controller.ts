import { type AuthenticatedUser, CurrentUser } from '@khoinghiep/auth';
import { Body, Controller, Get, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import {
  SecondFactorCodeDto,
  SecondFactorConfirmationView,
  SecondFactorEnrolmentDto,
  SecondFactorEnrolmentView,
  SecondFactorProofDto,
  SecondFactorStateView,
} from '../dto/second-factor.dto.js';
import { LoginResponse } from '../dto/user-view.dto.js';
import { SecondFactorService } from './second-factor.service.js';

const UNAUTHENTICATED = 'Thiếu hoặc sai mã truy cập / Missing or invalid access token';
const TOO_MANY =
  'Quá nhiều yêu cầu, hoặc sai mã quá nhiều lần / Too many requests, or too many wrong codes (SECOND_FACTOR_LOCKED)';

/**
 * The signed-in account's own second factor (TOTP): enrol (secret, then a first code), see its state, disable it.
 * Routes that take a code are rate-limited per client address, and wrong codes count per account.
 */
@ApiTags('auth')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: UNAUTHENTICATED })
@Controller('me/second-factor')
export class SecondFactorController {
  constructor(private readonly secondFactor: SecondFactorService) {}

  @ApiOperation({
    summary: 'Trạng thái xác thực hai lớp / State of my second factor',
  })
  @ApiOkResponse({ type: SecondFactorStateView })
  @Get()
  state(@CurrentUser() caller: AuthenticatedUser): Promise<SecondFactorStateView> {
    return this.secondFactor.state(caller);
  }

  @ApiOperation({
    summary: 'Bắt đầu đăng ký ứng dụng xác thực (TOTP) / Start enrolling an authenticator app (TOTP)',
    description:
      'Gửi `{"method":"totp"}`. Trả về khoá bí mật và URI otpauth:// (hiện dạng QR) một lần duy nhất; xác nhận bằng mã đầu tiên tại POST /api/v1/me/second-factor/confirm. Gọi lại trước khi xác nhận sẽ thay khoá. / Send `{"method":"totp"}`. Answers the secret and the otpauth:// URI (show it as a QR code) this once; confirm with a first code at POST /api/v1/me/second-factor/confirm. Calling again before confirming replaces the secret.',
  })
  @ApiOkResponse({ type: SecondFactorEnrolmentView })
  @ApiBadRequestResponse({ description: 'Dữ liệu không hợp lệ / Invalid input (VALIDATION_FAILED)' })
  @ApiConflictResponse({
    description: 'Đã bật xác thực hai lớp / Already enrolled (SECOND_FACTOR_ALREADY_ENROLLED)',
  })
  @ApiTooManyRequestsResponse({ description: TOO_MANY })
  @UseGuards(ThrottlerGuard)
  @HttpCode(HttpStatus.OK)
  @Post()
  begin(
    @CurrentUser() caller: AuthenticatedUser,
    @Body() _body: SecondFactorEnrolmentDto,
  ): Promise<SecondFactorEnrolmentView> {
    return this.secondFactor.begin(caller);
  }

  @ApiOperation({
    summary: 'Xác nhận đăng ký bằng mã đầu tiên / Confirm the enrolment with a first code',
    description:
      "Bật xác thực hai lớp; trả về mã truy cập mới có amr pwd+otp và 10 mã khôi phục (chỉ hiển thị lần này). Các mã truy cập cũ của tài khoản bị thu hồi. / Turns the second factor on; answers a new token with amr pwd+otp and 10 recovery codes (shown only now). The account's older tokens are revoked.",
  })
  @ApiOkResponse({ type: SecondFactorConfirmationView })
  @ApiBadRequestResponse({
    description:
      'Mã không đúng hoặc sai định dạng / Wrong or malformed code (SECOND_FACTOR_CODE_INVALID, VALIDATION_FAILED)',
  })
  @ApiConflictResponse({
    description: 'Chưa bắt đầu đăng ký / No enrolment started (SECOND_FACTOR_NOT_ENROLLED)',
  })
  @ApiTooManyRequestsResponse({ description: TOO_MANY })
  @UseGuards(ThrottlerGuard)
  @HttpCode(HttpStatus.OK)
  @Post('confirm')
  confirm(
    @CurrentUser() caller: AuthenticatedUser,
    @Body() body: SecondFactorCodeDto,
  ): Promise<SecondFactorConfirmationView> {
    return this.secondFactor.confirm(caller, body.code);
  }

  @ApiOperation({
    summary: 'Tắt xác thực hai lớp / Disable the second factor',
    description:
      'Cần một mã hiện tại (hoặc một mã khôi phục chưa dùng). Các mã khôi phục bị xoá, các mã truy cập cũ bị thu hồi; trả về mã truy cập mới chỉ có amr pwd. / Needs a current code (or an unused recovery code). The recovery codes are deleted and older tokens revoked; answers a new password-only token.',
  })
  @ApiOkResponse({ type: LoginResponse })
  @ApiBadRequestResponse({
    description:
      'Mã không đúng hoặc sai định dạng / Wrong or malformed code (SECOND_FACTOR_CODE_INVALID, VALIDATION_FAILED)',
  })
  @ApiConflictResponse({
    description: 'Chưa bật xác thực hai lớp / No active second factor (SECOND_FACTOR_NOT_ENROLLED)',
  })
  @ApiTooManyRequestsResponse({ description: TOO_MANY })
  @UseGuards(ThrottlerGuard)
  @HttpCode(HttpStatus.OK)
  @Post('disable')
  disable(
    @CurrentUser() caller: AuthenticatedUser,
    @Body() body: SecondFactorProofDto,
  ): Promise<LoginResponse> {
    return this.secondFactor.disable(caller, body);
  }
}
