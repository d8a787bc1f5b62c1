import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { LivenessIndicator } from './liveness.js';

const CHECK_TIMEOUT_MS = 1500;

@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly liveness: LivenessIndicator,
  ) {}

  /** The process is up and none of its parts stopped for good; orchestrators restart it when this fails. */
  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([() => this.liveness.check('components')]);
  }

  /**
   * The process can serve requests: its database answers. Kafka is left out on purpose: commands go to the
   * outbox while the broker is away, and taking every instance out of service for it would spread the outage.
   */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([() => this.database.pingCheck('database', { timeout: CHECK_TIMEOUT_MS })]);
  }
}
