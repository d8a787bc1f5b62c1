import { validateEnv } from '@khoinghiep/config';
import { ObservabilityModule } from '@khoinghiep/observability';
import { PersistenceModule } from '@khoinghiep/persistence';
import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { GatewayEnv } from './config.js';
import { gatewayMigrations } from './migrations/index.js';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: validateEnv(GatewayEnv) }),
    ObservabilityModule.forApp('gateway'),
    PersistenceModule.forApp({ app: 'gateway', entities: [], migrations: gatewayMigrations }),
  ],
})
export class AppModule {}
