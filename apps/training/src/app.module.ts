import { MESSAGING_ENTITIES } from '@khoinghiep/messaging';
import { serviceFoundation } from '@khoinghiep/platform';
import { Module } from '@nestjs/common';
import { TrainingEnv } from './config.js';
import { trainingMigrations } from './migrations/index.js';

@Module({
  imports: serviceFoundation({
    app: 'training',
    env: TrainingEnv,
    entities: [...MESSAGING_ENTITIES],
    migrations: trainingMigrations,
  }),
})
export class AppModule {}
