import { validateEnv } from '@khoinghiep/config';
import { ObservabilityModule } from '@khoinghiep/observability';
import { PersistenceModule } from '@khoinghiep/persistence';
import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { FundingEnv } from './config.js';
import { fundingMigrations } from './migrations/index.js';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: validateEnv(FundingEnv) }),
    ObservabilityModule.forApp('funding'),
    PersistenceModule.forApp({ app: 'funding', entities: [], migrations: fundingMigrations }),
  ],
})
export class AppModule {}
