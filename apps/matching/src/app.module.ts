import { validateEnv } from '@khoinghiep/config';
import { ObservabilityModule } from '@khoinghiep/observability';
import { PersistenceModule } from '@khoinghiep/persistence';
import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { MatchingEnv } from './config.js';
import { matchingMigrations } from './migrations/index.js';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: validateEnv(MatchingEnv) }),
    ObservabilityModule.forApp('matching'),
    PersistenceModule.forApp({ app: 'matching', entities: [], migrations: matchingMigrations }),
  ],
})
export class AppModule {}
