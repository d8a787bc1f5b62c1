import { validateEnv } from '@khoinghiep/config';
import { ObservabilityModule } from '@khoinghiep/observability';
import { PersistenceModule } from '@khoinghiep/persistence';
import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { ProjectsEnv } from './config.js';
import { projectsMigrations } from './migrations/index.js';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: validateEnv(ProjectsEnv) }),
    ObservabilityModule.forApp('projects'),
    PersistenceModule.forApp({ app: 'projects', entities: [], migrations: projectsMigrations }),
  ],
})
export class AppModule {}
