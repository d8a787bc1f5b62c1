import { AuthModule } from '@khoinghiep/auth';
import { ClockModule } from '@khoinghiep/clock';
import { validateServiceEnv } from '@khoinghiep/config';
import { MESSAGING_ENTITIES, MessagingModule } from '@khoinghiep/messaging';
import { ObservabilityModule } from '@khoinghiep/observability';
import { PersistenceModule } from '@khoinghiep/persistence';
import { Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { GatewayEnv } from './config.js';
import { ForwardingModule } from './forwarding/forwarding.module.js';
import { GatewayProxyModule } from './gateway-proxy/gateway-proxy.module.js';
import { GatewayAccountStandingModule } from './identity/gateway-account-standing.js';
import { IdentityModule } from './identity/identity.module.js';
import { IDENTITY_ENTITIES } from './identity/identity-entities.js';
import { gatewayMigrations } from './migrations/index.js';
import { SystemModule } from './system/system.module.js';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: validateServiceEnv(GatewayEnv) }),
    ClockModule,
    // The public port serves no /metrics: main.ts serves the registry on METRICS_PORT.
    ObservabilityModule.forApp('gateway', { metricsRoute: false }),
    PersistenceModule.forApp({
      app: 'gateway',
      entities: [...IDENTITY_ENTITIES, ...MESSAGING_ENTITIES],
      migrations: gatewayMigrations,
    }),
    // Identity facts (account deactivated, roles changed) leave through the outbox on identity.events.
    MessagingModule.forRoot({ service: 'gateway' }),
    AuthModule.forRootAsync({
      imports: [GatewayAccountStandingModule],
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
