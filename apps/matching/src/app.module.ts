import { AuthModule } from '@khoinghiep/auth';
import { validateEnv } from '@khoinghiep/config';
import { MESSAGING_ENTITIES, MessagingModule } from '@khoinghiep/messaging';
import { ObservabilityModule } from '@khoinghiep/observability';
import { PersistenceModule } from '@khoinghiep/persistence';
import { Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { MatchingEnv } from './config.js';
import { matchingMigrations } from './migrations/index.js';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: validateEnv(MatchingEnv) }),
    ObservabilityModule.forApp('matching'),
    PersistenceModule.forApp({
      app: 'matching',
      entities: [...MESSAGING_ENTITIES],
      migrations: matchingMigrations,
    }),
    MessagingModule.forRoot({ service: 'matching' }),
    AuthModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({ secret: config.getOrThrow<string>('JWT_SECRET') }),
    }),
  ],
})
export class AppModule {}
