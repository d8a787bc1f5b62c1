import { MESSAGING_ENTITIES } from '@khoinghiep/messaging';
import { serviceFoundation } from '@khoinghiep/platform';
import { Module } from '@nestjs/common';
import { MatchingEnv } from './config.js';
import { matchingMigrations } from './migrations/index.js';

@Module({
  imports: serviceFoundation({
    app: 'matching',
    env: MatchingEnv,
    entities: [...MESSAGING_ENTITIES],
    migrations: matchingMigrations,
  }),
})
export class AppModule {}
