import { AuthModule } from '@khoinghiep/auth';
import { validateEnv } from '@khoinghiep/config';
import { MESSAGING_ENTITIES, MessagingModule } from '@khoinghiep/messaging';
import { ObservabilityModule } from '@khoinghiep/observability';
import { PersistenceModule } from '@khoinghiep/persistence';
import { Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { TrainingEnv } from './config.js';
import { trainingMigrations } from './migrations/index.js';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: validateEnv(TrainingEnv) }),
    ObservabilityModule.forApp('training'),
    PersistenceModule.forApp({
      app: 'training',
      entities: [...MESSAGING_ENTITIES],
      migrations: trainingMigrations,
    }),
    MessagingModule.forRoot({ service: 'training' }),
    AuthModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({ secret: config.getOrThrow<string>('JWT_SECRET') }),
    }),
  ],
})
export class AppModule {}
