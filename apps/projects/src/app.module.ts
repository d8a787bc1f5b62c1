import { serviceFoundation } from '@khoinghiep/platform';
import { Module } from '@nestjs/common';
import { ProjectsEnv } from './config.js';
import { projectsEntities } from './entities.js';
import { HistoryModule } from './history/history.module.js';
import { projectsMigrations } from './migrations/index.js';
import { ProjectsModule } from './projects/projects.module.js';
import { ReferenceModule } from './reference/reference.module.js';
import { ReviewsModule } from './reviews/reviews.module.js';
import { SearchModule } from './search/search.module.js';

@Module({
  imports: [
    // Every route needs a verified access token unless marked @Public(); the service checks it itself.
    ...serviceFoundation({
      app: 'projects',
      env: ProjectsEnv,
      entities: projectsEntities,
      migrations: projectsMigrations,
    }),
    // Fixed paths (`review-queue`) before the `:id` routes that would otherwise swallow them.
    ReviewsModule,
    SearchModule,
    HistoryModule,
    ProjectsModule,
    ReferenceModule,
  ],
})
export class AppModule {}
