import { AuthModule } from '@khoinghiep/auth';
import { validateEnv } from '@khoinghiep/config';
import { MessagingModule } from '@khoinghiep/messaging';
import { ObservabilityModule } from '@khoinghiep/observability';
import { PersistenceModule } from '@khoinghiep/persistence';
import { Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
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
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: validateEnv(ProjectsEnv) }),
    ObservabilityModule.forApp('projects'),
    PersistenceModule.forApp({ app: 'projects', entities: projectsEntities, migrations: projectsMigrations }),
    MessagingModule.forRoot({ service: 'projects' }),
    // Every route needs a verified access token unless marked @Public(); the service checks it itself.
    AuthModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({ secret: config.getOrThrow<string>('JWT_SECRET') }),
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
