import { ServiceClient } from '@khoinghiep/http';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

/** The services behind the gateway, each reached over HTTP at `<NAME>_URL`. */
export const SERVICE_NAMES = ['projects', 'matching', 'funding', 'training'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export function isServiceName(name: string): name is ServiceName {
  return (SERVICE_NAMES as readonly string[]).includes(name);
}

/**
 * One `ServiceClient` per service, configured from the environment. Calls forward the caller's token,
 * correlation id and language, and end within SERVICE_TIMEOUT_MS (a 503/504 problem otherwise).
 *
 * ```ts
 * constructor(private readonly services: ServiceDirectory) {}
 * const { body } = await this.services.projects.get<ProjectView>(`/api/v1/projects/${id}`);
 * ```
 */
@Injectable()
export class ServiceDirectory {
  private readonly clients: ReadonlyMap<ServiceName, ServiceClient>;

  constructor(config: ConfigService) {
    const timeoutMs = config.getOrThrow<number>('SERVICE_TIMEOUT_MS');
    this.clients = new Map(
      SERVICE_NAMES.map((service) => [
        service,
        new ServiceClient({
          service,
          baseUrl: config.getOrThrow<string>(`${service.toUpperCase()}_URL`),
          timeoutMs,
        }),
      ]),
    );
  }

  get projects(): ServiceClient {
    return this.client('projects');
  }

  get matching(): ServiceClient {
    return this.client('matching');
  }

  get funding(): ServiceClient {
    return this.client('funding');
  }

  get training(): ServiceClient {
    return this.client('training');
  }

  client(name: ServiceName): ServiceClient {
    const client = this.clients.get(name);
    if (!client) throw new Error(`No client for service ${name}`);
    return client;
  }
}
