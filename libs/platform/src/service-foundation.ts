import { AuthModule } from '@khoinghiep/auth';
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

/**
 * What every domain service stands on, wired the same way everywhere: validated settings, request context,
 * health and metrics, its own migrated database, the outbox/relay/inbox, and access tokens verified on every
 * route not marked `@Public()`.
 */
export function serviceFoundation({
  env,
  ...persistence
}: ServiceFoundation): NonNullable<ModuleMetadata['imports']> {
  return [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: validateServiceEnv(env) }),
    ObservabilityModule.forApp(persistence.app),
    PersistenceModule.forApp(persistence),
    MessagingModule.forRoot({ service: persistence.app }),
    AuthModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({ secret: config.getOrThrow<string>('JWT_SECRET') }),
    }),
  ];
}
