import { validateEnv } from '@khoinghiep/config';
import { ObservabilityModule } from '@khoinghiep/observability';
import { PersistenceModule } from '@khoinghiep/persistence';
import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TrainingEnv } from './config.js';
import { trainingMigrations } from './migrations/index.js';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: validateEnv(TrainingEnv) }),
    ObservabilityModule.forApp('training'),
    PersistenceModule.forApp({ app: 'training', entities: [], migrations: trainingMigrations }),
  ],
})
export class AppModule {}
