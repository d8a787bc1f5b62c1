import { DomainError, localise, negotiateLocale, UpstreamProblemError } from '@khoinghiep/http';
import { Injectable } from '@nestjs/common';
import { SERVICE_NAMES, ServiceDirectory, type ServiceName } from '../gateway-proxy/service-directory.js';
import type { PartStatus, SystemStatus } from './system-status.dto.js';

const READINESS_PATH = '/health/ready';

/** The platform at a glance: the gateway and each service's readiness, asked concurrently. */
@Injectable()
export class SystemStatusService {
  constructor(private readonly services: ServiceDirectory) {}

  async status(acceptLanguage?: string): Promise<SystemStatus> {
    const parts = await Promise.all(SERVICE_NAMES.map((name) => this.probe(name, acceptLanguage)));
    const all: PartStatus[] = [{ name: 'gateway', status: 'up', latencyMs: 0 }, ...parts];
    return {
      status: all.every((part) => part.status === 'up') ? 'up' : 'degraded',
      checkedAt: new Date().toISOString(),
      parts: all,
    };
  }

  /** One service's readiness answer; a service that is down becomes a 503/504 problem naming it. */
  async readiness(name: ServiceName): Promise<unknown> {
    const { body } = await this.services.client(name).get<unknown>(READINESS_PATH, { authorization: null });
    return body;
  }

  private async probe(name: ServiceName, acceptLanguage?: string): Promise<PartStatus> {
    const started = performance.now();
    const latency = () => Math.round(performance.now() - started);
    try {
      await this.readiness(name);
      return { name, status: 'up', latencyMs: latency() };
    } catch (error) {
      return { name, status: 'down', latencyMs: latency(), ...describeDown(error, acceptLanguage) };
    }
  }
}

function describeDown(error: unknown, acceptLanguage?: string): Pick<PartStatus, 'code' | 'detail'> {
  const locale = negotiateLocale(acceptLanguage);
  if (error instanceof DomainError) {
    return { code: error.code, detail: localise(error.messages.detail, locale, error.params) };
  }
  if (error instanceof UpstreamProblemError)
    return { code: error.problem.code, detail: error.problem.detail };
  throw error;
}
