import { AuthModule } from '@khoinghiep/auth';
import { ClockModule } from '@khoinghiep/clock';
import { validateEnv } from '@khoinghiep/config';
import { ObservabilityModule } from '@khoinghiep/observability';
import { PersistenceModule } from '@khoinghiep/persistence';
import { Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { GatewayEnv } from './config.js';
import { ForwardingModule } from './forwarding/forwarding.module.js';
import { GatewayProxyModule } from './gateway-proxy/gateway-proxy.module.js';
import { IdentityModule } from './identity/identity.module.js';
import { User } from './identity/user.entity.js';
import { gatewayMigrations } from './migrations/index.js';
import { SystemModule } from './system/system.module.js';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: validateEnv(GatewayEnv) }),
    ClockModule,
    ObservabilityModule.forApp('gateway'),
    PersistenceModule.forApp({ app: 'gateway', entities: [User], migrations: gatewayMigrations }),
    AuthModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        secret: config.getOrThrow<string>('JWT_SECRET'),
        accessTokenTtl: config.getOrThrow<string>('ACCESS_TOKEN_TTL'),
      }),
    }),
    GatewayProxyModule,
    IdentityModule,
    SystemModule,
    // Last: the declared routes of the services, after the gateway's own (`/me` before anything generic).
    ForwardingModule,
  ],
})
export class AppModule {}
