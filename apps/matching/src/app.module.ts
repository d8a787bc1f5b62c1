import { serviceFoundation } from '@khoinghiep/platform';
import { Module } from '@nestjs/common';
import { CatalogueModule } from './catalogue/catalogue.module.js';
import { MatchingEnv } from './config.js';
import { matchingEntities } from './entities.js';
import { InterestsModule } from './interests/interests.module.js';
import { IntroductionsModule } from './introductions/introductions.module.js';
import { InvestorCardsModule } from './investor-cards/investor-cards.module.js';
import { MatchIndexModule } from './match-index/match-index.module.js';
import { MatchesModule } from './matches/matches.module.js';
import { matchingMigrations } from './migrations/index.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { ProfilesModule } from './profiles/profiles.module.js';
import { SavedSearchesModule } from './saved-searches/saved-searches.module.js';
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
    ProfilesModule,
    InvestorCardsModule,
    InterestsModule,
    IntroductionsModule,
    NotificationsModule,
    SavedSearchesModule,
    MatchIndexModule,
    CatalogueModule,
  ],
})
export class AppModule {}
