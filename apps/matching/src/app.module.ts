import { serviceFoundation } from '@khoinghiep/platform';
import { Module } from '@nestjs/common';
import { MatchingEnv } from './config.js';
import { matchingEntities } from './entities.js';
import { MatchesModule } from './matches/matches.module.js';
import { matchingMigrations } from './migrations/index.js';
import { MatchWeightsModule } from './weights/match-weights.module.js';

@Module({
  imports: [
    // Every route needs a verified access token unless marked @Public(); the service checks it itself.
    ...serviceFoundation({
      app: 'matching',
      env: MatchingEnv,
      entities: matchingEntities,
      migrations: matchingMigrations,
    }),
    MatchWeightsModule,
    MatchesModule,
  ],
})
export class AppModule {}
