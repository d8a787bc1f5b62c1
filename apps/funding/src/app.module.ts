import { serviceFoundation } from '@khoinghiep/platform';
import { Module } from '@nestjs/common';
import { CallsModule } from './calls/calls.module.js';
import { FundingEnv } from './config.js';
import { fundingEntities } from './entities.js';
import { FundsModule } from './funds/funds.module.js';
import { fundingMigrations } from './migrations/index.js';

@Module({
  imports: [
    ...serviceFoundation({
      app: 'funding',
      env: FundingEnv,
      entities: fundingEntities,
      migrations: fundingMigrations,
    }),
    CallsModule,
    FundsModule,
  ],
})
export class AppModule {}
