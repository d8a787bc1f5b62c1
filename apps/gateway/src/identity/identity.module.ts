import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountAdminService } from './account-admin.service.js';
import { AccountSecurityChange } from './account-security-change.entity.js';
import { AdminUsersController } from './admin-users.controller.js';
import { AuthController } from './auth.controller.js';
import { AuthenticationService } from './authentication.service.js';
import { FirstAdminService } from './first-admin.service.js';
import { GatewayAccountStandingModule } from './gateway-account-standing.js';
import { MeController } from './me.controller.js';
import { PasswordHasher } from './password-hasher.service.js';
import { SecondFactorController } from './second-factor/second-factor.controller.js';
import { RecoveryCode, SecondFactor } from './second-factor/second-factor.entity.js';
import { SecondFactorService } from './second-factor/second-factor.service.js';
import { User } from './user.entity.js';
import { UsersService } from './users.service.js';

/** Accounts, sign-in (with its second factor), the first admin and admins' security changes to accounts. Token verification itself is `@khoinghiep/auth`'s (global guards). */
@Module({
  imports: [
    TypeOrmModule.forFeature([User, AccountSecurityChange, SecondFactor, RecoveryCode]),
    GatewayAccountStandingModule,
    ThrottlerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        throttlers: [
          {
            // Named "default" so the guard answers the standard Retry-After and X-RateLimit-* headers (a named
            // throttler suffixes them). Only the auth routes use ThrottlerGuard.
            name: 'default',
            limit: config.getOrThrow<number>('AUTH_RATE_LIMIT'),
            ttl: config.getOrThrow<number>('AUTH_RATE_WINDOW_MS'),
          },
        ],
      }),
    }),
  ],
  controllers: [AuthController, MeController, SecondFactorController, AdminUsersController],
  providers: [
    UsersService,
    AuthenticationService,
    AccountAdminService,
    PasswordHasher,
    FirstAdminService,
    SecondFactorService,
  ],
  exports: [UsersService],
})
export class IdentityModule {}
