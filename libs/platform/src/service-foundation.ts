import {
  ACCOUNT_STANDING_ENTITIES,
  ACCOUNT_STANDING_MIGRATIONS,
  AccountStandingModule,
  AuthModule,
} from '@khoinghiep/auth';
import { ClockModule } from '@khoinghiep/clock';
import { type ServiceEnv, validateServiceEnv } from '@khoinghiep/config';
import { MessagingModule } from '@khoinghiep/messaging';
import { ObservabilityModule } from '@khoinghiep/observability';
import { type AppPersistence, PersistenceModule } from '@khoinghiep/persistence';
import type { ModuleMetadata } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';

export interface ServiceFoundation extends AppPersistence {
  /** The app's validated settings class. */
  env: new () => ServiceEnv;
}

const listOf = <T>(list: T[] | Record<string, T>): T[] => (Array.isArray(list) ? list : Object.values(list));

/**
 * What every domain service stands on, wired the same way everywhere: validated settings, the clock and id ports,
 * request context, health and metrics, its own migrated database, the outbox/relay/inbox, access tokens verified
 * on every route not marked `@Public()`, and staff callers checked against the account standing the service keeps
 * from `identity.events` (its table comes with the app's own).
 */
export function serviceFoundation({
  env,
  ...persistence
}: ServiceFoundation): NonNullable<ModuleMetadata['imports']> {
  return [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: validateServiceEnv(env) }),
    ClockModule,
    ObservabilityModule.forApp(persistence.app),
    PersistenceModule.forApp({
      app: persistence.app,
      entities: [...listOf(persistence.entities), ...ACCOUNT_STANDING_ENTITIES],
      migrations: [...listOf(persistence.migrations), ...ACCOUNT_STANDING_MIGRATIONS],
    }),
    MessagingModule.forRoot({ service: persistence.app }),
    AuthModule.forRootAsync({
      imports: [AccountStandingModule],
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({ secret: config.getOrThrow<string>('JWT_SECRET') }),
    }),
  ];
}
