import { IdempotencyModule } from '@khoinghiep/api';
import { serviceFoundation } from '@khoinghiep/platform';
import { Module } from '@nestjs/common';
import { FundingEnv } from './config.js';
import { fundingEntities } from './entities.js';
import { LedgerModule } from './ledger/ledger.module.js';
import { fundingMigrations } from './migrations/index.js';

@Module({
  imports: [
    ...serviceFoundation({
      app: 'funding',
      env: FundingEnv,
      entities: fundingEntities,
      migrations: fundingMigrations,
    }),
    IdempotencyModule,
    LedgerModule,
  ],
})
export class AppModule {}
