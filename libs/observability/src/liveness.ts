import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';

/** What a long-running part of the app says about itself: alive (working or recovering by itself) or not. */
export interface LivenessReport {
  alive: boolean;
  state: string;
}

type LivenessProbe = () => LivenessReport;

// Process-wide, as prom-client's registry is: parts of the app report here without depending on the module
// that serves /health/live.
const probes = new Map<string, LivenessProbe>();

/** Reports `name` in `/health/live` until the returned function is called. */
export function reportLiveness(name: string, probe: LivenessProbe): () => void {
  probes.set(name, probe);
  return () => {
    if (probes.get(name) === probe) probes.delete(name);
  };
}

/**
 * Down when a reported part stopped and cannot recover by itself (e.g. an event consumer whose restarts fail),
 * so the orchestrator restarts the process. A part that is recovering (a consumer reconnecting while the broker
 * is away) stays up: restarting the process would not bring the broker back.
 */
@Injectable()
export class LivenessIndicator {
  constructor(private readonly health: HealthIndicatorService) {}

  check(key: string) {
    const indicator = this.health.check(key);
    const reports = Object.fromEntries([...probes].map(([name, probe]) => [name, probe()]));
    const stopped = Object.values(reports).some((report) => !report.alive);
    return stopped ? indicator.down(reports) : indicator.up(reports);
  }
}
