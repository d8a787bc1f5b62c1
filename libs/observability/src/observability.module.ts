import { Controller, type DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { PrometheusController, PrometheusModule } from '@willsoto/nestjs-prometheus';
import { HealthController } from './health.controller.js';
import { LivenessIndicator } from './liveness.js';
import { RequestContextModule } from './request-context.module.js';

export interface ObservabilityOptions {
  /**
   * Serve `/metrics` on the app's HTTP port (default). `false` for an app whose port is public: its registry is
   * then served by `startMetricsServer` on a port of its own.
   */
  metricsRoute?: boolean;
}

/** The registry without a route: the library insists on a controller, this one has no handler. */
@Controller()
class NoMetricsRoute {}

/** Request context, `/health/live`, `/health/ready` and `/metrics` for one app. */
@Module({})
export class ObservabilityModule {
  static forApp(service: string, { metricsRoute = true }: ObservabilityOptions = {}): DynamicModule {
    return {
      module: ObservabilityModule,
      imports: [
        RequestContextModule,
        TerminusModule.forRoot({ logger: false }),
        PrometheusModule.register({
          path: '/metrics',
          controller: metricsRoute ? PrometheusController : NoMetricsRoute,
          defaultMetrics: { enabled: true, config: { labels: { service } } },
        }),
      ],
      controllers: [HealthController],
      providers: [LivenessIndicator],
    };
  }
}
