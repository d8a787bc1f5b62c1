import {
  type DynamicModule,
  type InjectionToken,
  Module,
  type ModuleMetadata,
  type Provider,
} from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessTokenService } from './access-token.service.js';
import { AUTH_MODULE_OPTIONS, type AuthModuleOptions } from './auth.options.js';
import { JwtAuthGuard } from './jwt-auth.guard.js';
import { RolesGuard } from './roles.guard.js';
import { SecondFactorGuard } from './second-factor.guard.js';

export interface AuthModuleAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  inject?: InjectionToken[];
  useFactory: (...deps: never[]) => AuthModuleOptions | Promise<AuthModuleOptions>;
  /** Known before the factory runs, as APP_GUARD providers are decided when the module is declared. Default `true`. */
  globalGuards?: boolean;
}

/**
 * Access tokens for an app: verification everywhere, issuing at the gateway. With `globalGuards` (the default)
 * every HTTP route needs a valid token unless marked `@Public()`, and `@Roles(...)` and
 * `@RequireSecondFactor()` are enforced.
 */
@Module({})
export class AuthModule {
  static forRoot(options: AuthModuleOptions): DynamicModule {
    return AuthModule.build(
      [{ provide: AUTH_MODULE_OPTIONS, useValue: options }],
      options.globalGuards ?? true,
      [],
    );
  }

  static forRootAsync(options: AuthModuleAsyncOptions): DynamicModule {
    const optionsProvider: Provider = {
      provide: AUTH_MODULE_OPTIONS,
      useFactory: options.useFactory,
      inject: options.inject ?? [],
    };
    return AuthModule.build([optionsProvider], options.globalGuards ?? true, options.imports ?? []);
  }

  private static build(
    optionProviders: Provider[],
    globalGuards: boolean,
    imports: NonNullable<ModuleMetadata['imports']>,
  ): DynamicModule {
    // Order matters: APP_GUARDs run in registration order, and roles need the user the JWT guard found.
    const appGuards: Provider[] = globalGuards
      ? [
          { provide: APP_GUARD, useExisting: JwtAuthGuard },
          { provide: APP_GUARD, useExisting: RolesGuard },
          { provide: APP_GUARD, useExisting: SecondFactorGuard },
        ]
      : [];
    return {
      module: AuthModule,
      global: true,
      imports,
      providers: [
        ...optionProviders,
        AccessTokenService,
        JwtAuthGuard,
        RolesGuard,
        SecondFactorGuard,
        ...appGuards,
      ],
      exports: [AUTH_MODULE_OPTIONS, AccessTokenService, JwtAuthGuard, RolesGuard, SecondFactorGuard],
    };
  }
}
