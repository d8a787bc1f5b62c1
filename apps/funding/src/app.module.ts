import { MESSAGING_ENTITIES } from '@khoinghiep/messaging';
import { serviceFoundation } from '@khoinghiep/platform';
import { Module } from '@nestjs/common';
import { FundingEnv } from './config.js';
import { fundingMigrations } from './migrations/index.js';

@Module({
  imports: serviceFoundation({
    app: 'funding',
    env: FundingEnv,
    entities: [...MESSAGING_ENTITIES],
    migrations: fundingMigrations,
  }),
})
export class AppModule {}
