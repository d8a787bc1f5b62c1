import { Public } from '@khoinghiep/auth';
import { Body, Controller, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { AuthenticationService } from './authentication.service.js';
import { LoginDto } from './dto/login.dto.js';
import { RegisterDto } from './dto/register.dto.js';
import { SecondFactorSignInDto } from './dto/second-factor.dto.js';
import { LoginResponse, SecondFactorChallengeResponse, UserView } from './dto/user-view.dto.js';
import { SecondFactorService } from './second-factor/second-factor.service.js';

/** Registration and sign-in: open to anyone, rate-limited per client address. */
@ApiTags('auth')
@ApiExtraModels(LoginResponse, SecondFactorChallengeResponse)
@ApiTooManyRequestsResponse({ description: 'Quá nhiều yêu cầu / Too many requests (problem+json)' })
@Public()
@UseGuards(ThrottlerGuard)
@Controller('auth')
export class AuthController {
  constructor(
    private readonly authentication: AuthenticationService,
    private readonly secondFactor: SecondFactorService,
  ) {}

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

  @ApiOperation({
    summary: 'Đăng nhập, nhận mã truy cập / Sign in and get an access token',
    description:
      'Bước 1: email và mật khẩu. Tài khoản chưa bật xác thực hai lớp nhận ngay mã truy cập (`LoginResponse`, amr = pwd). Tài khoản đã bật nhận `SecondFactorChallengeResponse` (`secondFactorRequired: true`) và gửi `challengeToken` cùng mã TOTP đến `POST /api/v1/auth/login/second-factor`. fund_approver và admin chưa đăng ký vẫn đăng nhập được (`secondFactor: enrolment-required`) để đăng ký, nhưng không quyết định được về tiền. / Step 1: email and password. An account without a second factor gets its token at once (`LoginResponse`, amr = pwd). One with a second factor gets a `SecondFactorChallengeResponse` (`secondFactorRequired: true`) and sends its `challengeToken` with a TOTP code to `POST /api/v1/auth/login/second-factor`. fund_approver and admin accounts not yet enrolled still sign in (`secondFactor: enrolment-required`), to enrol, but cannot make money decisions.',
  })
  @ApiOkResponse({
    description: 'Mã truy cập, hoặc yêu cầu bước thứ hai / An access token, or a request for the second step',
    schema: {
      oneOf: [{ $ref: getSchemaPath(LoginResponse) }, { $ref: getSchemaPath(SecondFactorChallengeResponse) }],
    },
  })
  @ApiUnauthorizedResponse({ description: 'Email hoặc mật khẩu không đúng / Wrong email or password' })
  @HttpCode(HttpStatus.OK)
  @Post('login')
  login(@Body() body: LoginDto): Promise<LoginResponse | SecondFactorChallengeResponse> {
    return this.authentication.login(body.email, body.password);
  }

  @ApiOperation({
    summary: 'Đăng nhập bước 2: mã TOTP hoặc mã khôi phục / Sign-in step 2: TOTP code or recovery code',
    description:
      'Gửi `challengeToken` của bước 1 và đúng một trong `code` (6 chữ số, mỗi mã dùng một lần, lệch đồng hồ ±30 giây) hoặc `recoveryCode` (mỗi mã dùng một lần). Mã truy cập trả về có `amr: ["pwd","otp"]`. Sai 5 lần liên tiếp: khoá 5 phút (429). / Send the `challengeToken` of step 1 and exactly one of `code` (6 digits, each code works once, ±30 s of clock drift) or `recoveryCode` (each works once). The token answered carries `amr: ["pwd","otp"]`. 5 wrong codes in a row lock attempts for 5 minutes (429).',
  })
  @ApiOkResponse({ type: LoginResponse })
  @ApiBadRequestResponse({
    description:
      'Dữ liệu không hợp lệ, hoặc gửi cả hai hay không gửi mã nào / Invalid input, or both or neither of code and recoveryCode (VALIDATION_FAILED)',
  })
  @ApiUnauthorizedResponse({
    description:
      'Mã sai, đã dùng hoặc hết hạn; phiên đăng nhập hết hạn / Wrong, reused or expired code; expired challenge (SECOND_FACTOR_INVALID, SIGN_IN_CHALLENGE_INVALID, ACCOUNT_DEACTIVATED)',
  })
  @HttpCode(HttpStatus.OK)
  @Post('login/second-factor')
  loginSecondFactor(@Body() body: SecondFactorSignInDto): Promise<LoginResponse> {
    return this.secondFactor.completeSignIn(body.challengeToken, body);
  }
}
