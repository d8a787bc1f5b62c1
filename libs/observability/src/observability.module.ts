import { type DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { PrometheusModule } from '@willsoto/nestjs-prometheus';
import { HealthController } from './health.controller.js';
import { LivenessIndicator } from './liveness.js';
import { RequestContextModule } from './request-context.module.js';

/** Request context, `/health/live`, `/health/ready` and `/metrics` for one app. */
@Module({})
export class ObservabilityModule {
  static forApp(service: string): DynamicModule {
    return {
      module: ObservabilityModule,
      imports: [
        RequestContextModule,
        TerminusModule.forRoot({ logger: false }),
        PrometheusModule.register({
          path: '/metrics',
          defaultMetrics: { enabled: true, config: { labels: { service } } },
        }),
      ],
      controllers: [HealthController],
      providers: [LivenessIndicator],
    };
  }
}
