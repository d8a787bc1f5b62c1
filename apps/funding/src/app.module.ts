import { AuthModule } from '@khoinghiep/auth';
import { validateEnv } from '@khoinghiep/config';
import { MESSAGING_ENTITIES, MessagingModule } from '@khoinghiep/messaging';
import { ObservabilityModule } from '@khoinghiep/observability';
import { PersistenceModule } from '@khoinghiep/persistence';
import { Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { FundingEnv } from './config.js';
import { fundingMigrations } from './migrations/index.js';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: validateEnv(FundingEnv) }),
    ObservabilityModule.forApp('funding'),
    PersistenceModule.forApp({
      app: 'funding',
      entities: [...MESSAGING_ENTITIES],
      migrations: fundingMigrations,
    }),
    MessagingModule.forRoot({ service: 'funding' }),
    AuthModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({ secret: config.getOrThrow<string>('JWT_SECRET') }),
    }),
  ],
})
export class AppModule {}
