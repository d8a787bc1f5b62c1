import { ServiceClient, ServiceTimeoutError, ServiceUnavailableError } from '@khoinghiep/http';
import type { ServiceDirectory, ServiceName } from '../gateway-proxy/service-directory.js';
import { SystemStatusService } from './system-status.service.js';

/** A service directory whose clients answer from a table instead of the network. */
function directory(outcomes: Partial<Record<ServiceName, Error>>): ServiceDirectory {
  const client = (name: ServiceName) =>
    ({
      service: name,
      get: async () => {
        const failure = outcomes[name];
        if (failure) throw failure;
        return { status: 200, headers: new Headers(), body: { status: 'ok' } };
      },
    }) as unknown as ServiceClient;
  return { client } as unknown as ServiceDirectory;
}

describe('SystemStatusService', () => {
  it('reports up when every service is ready', async () => {
    const status = await new SystemStatusService(directory({})).status();
    expect(status.status).toBe('up');
    expect(status.parts.map((p) => [p.name, p.status])).toEqual([
      ['gateway', 'up'],
      ['projects', 'up'],
      ['matching', 'up'],
      ['funding', 'up'],
      ['training', 'up'],
    ]);
  });

  it('says which parts are missing and why, in the language asked', async () => {
    const status = await new SystemStatusService(
      directory({
        funding: new ServiceUnavailableError('funding'),
        training: new ServiceTimeoutError('training', 500),
      }),
    ).status('en');
    expect(status.status).toBe('degraded');
    expect(status.parts.filter((p) => p.status === 'down')).toEqual([
      {
        name: 'funding',
        status: 'down',
        latencyMs: expect.any(Number),
        code: 'SERVICE_UNAVAILABLE',
        detail: 'The funding service is unavailable. Please try again later.',
      },
      {
        name: 'training',
        status: 'down',
        latencyMs: expect.any(Number),
        code: 'GATEWAY_TIMEOUT',
        detail: 'The training service did not answer within 500 ms.',
      },
    ]);
  });
});
