import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AppProcess, spawnApp, TEST_PORTS } from '@khoinghiep/testing';
import request from 'supertest';
import { api as platformApi } from './gateway-api.js';

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

describe('gateway → services through the shared platform', () => {
  it('reports every part up, asking the services concurrently', async () => {
    const response = await platformApi().get('/api/v1/system/status').expect(200);
    expect(response.body.status).toBe('up');
    expect(
      response.body.parts.map((part: { name: string; status: string }) => [part.name, part.status]),
    ).toEqual([
      ['gateway', 'up'],
      ['projects', 'up'],
      ['matching', 'up'],
      ['funding', 'up'],
      ['training', 'up'],
    ]);
  });

  it("proxies one service's readiness and keeps the caller's correlation id", async () => {
    const correlationId = `e2e-${unique()}`;
    const response = await platformApi()
      .get('/api/v1/system/status/projects')
      .set('x-correlation-id', correlationId)
      .expect(200);
    expect(response.headers['x-correlation-id']).toBe(correlationId);
    expect(response.body.status).toBe('ok');
  });

  it('answers an unknown service with 404', async () => {
    const response = await platformApi().get('/api/v1/system/status/payroll').expect(404);
    expect(response.body.code).toBe('RESOURCE_NOT_FOUND');
  });
});

/**
 * A gateway of its own, so that this file can stop a service and throttle sign-ins without disturbing the shared
 * platform: training is a real app process on its own port (stopped mid-test), funding a server that never answers.
 */
describe('a gateway whose services fail', () => {
  const GATEWAY_PORT = 4090;
  const TRAINING_PORT = 4194;
  const DEADLINE_MS = 1000;
  let training: AppProcess;
  let gateway: AppProcess;
  let silent: Server;
  const api = () => request(`http://127.0.0.1:${GATEWAY_PORT}`);

  beforeAll(async () => {
    silent = createServer(() => {
      // Accepts the request and never answers: the gateway's deadline must end it.
    });
    silent.listen(0, '127.0.0.1');
    await once(silent, 'listening');
    const silentPort = (silent.address() as AddressInfo).port;

    training = spawnApp('training', { PORT: String(TRAINING_PORT) });
    await training.waitReady(60_000);
    gateway = spawnApp('gateway', {
      PORT: String(GATEWAY_PORT),
      TRAINING_URL: `http://127.0.0.1:${TRAINING_PORT}`,
      FUNDING_URL: `http://127.0.0.1:${silentPort}`,
      PROJECTS_URL: `http://127.0.0.1:${TEST_PORTS.projects}`,
      MATCHING_URL: `http://127.0.0.1:${TEST_PORTS.matching}`,
      SERVICE_TIMEOUT_MS: String(DEADLINE_MS),
      AUTH_RATE_LIMIT: '3',
    });
    await gateway.waitReady(60_000);
  }, 130_000);

  afterAll(async () => {
    await Promise.all([gateway?.stop(), training?.stop()]);
    silent?.closeAllConnections();
    await new Promise((resolve) => silent?.close(resolve));
  });

  async function timed(send: () => request.Test): Promise<{ ms: number; response: request.Response }> {
    const started = performance.now();
    const response = await send();
    return { ms: performance.now() - started, response };
  }

  it('answers 504 naming the service that does not answer, at its deadline', async () => {
    const { ms, response } = await timed(() =>
      api().get('/api/v1/system/status/funding').set('Accept-Language', 'en'),
    );
    expect(response.status).toBe(504);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body).toMatchObject({
      status: 504,
      code: 'GATEWAY_TIMEOUT',
      service: 'funding',
      detail: `The funding service did not answer within ${DEADLINE_MS} ms.`,
    });
    expect(ms).toBeGreaterThanOrEqual(DEADLINE_MS - 50);
    expect(ms).toBeLessThan(DEADLINE_MS + 1500);
  });

  it('answers 503 naming a service whose process has stopped, without waiting for the deadline', async () => {
    await api().get('/api/v1/system/status/training').expect(200);
    // SIGTERM rather than SIGKILL: to the gateway both are a closed port, and a clean exit leaves no consumer
    // group member behind to stall the shared platform should training ever consume events.
    await training.stop();

    const { ms, response } = await timed(() => api().get('/api/v1/system/status/training'));
    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({
      status: 503,
      code: 'SERVICE_UNAVAILABLE',
      service: 'training',
      detail: 'Dịch vụ training hiện không khả dụng. Vui lòng thử lại sau.',
    });
    expect(response.headers['retry-after']).toBeDefined();
    expect(ms).toBeLessThan(DEADLINE_MS);
  });

  it('says in the aggregate view which parts are missing, within the deadline', async () => {
    const { ms, response } = await timed(() =>
      api().get('/api/v1/system/status').set('Accept-Language', 'en'),
    );
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('degraded');
    const byName = Object.fromEntries(
      response.body.parts.map((part: { name: string }) => [part.name, part] as const),
    );
    expect(byName.projects).toMatchObject({ status: 'up' });
    expect(byName.matching).toMatchObject({ status: 'up' });
    expect(byName.funding).toMatchObject({ status: 'down', code: 'GATEWAY_TIMEOUT' });
    expect(byName.training).toMatchObject({ status: 'down', code: 'SERVICE_UNAVAILABLE' });
    // Concurrent: one deadline, not the sum of them.
    expect(ms).toBeLessThan(DEADLINE_MS + 1500);
  });

  it('rate-limits sign-in per client address with a 429 problem', async () => {
    const attempt = () =>
      api()
        .post('/api/v1/auth/login')
        .send({ email: `nobody.${unique()}@example.vn`, password: 'Whatever-2026' });
    for (let i = 0; i < 3; i += 1) await attempt().expect(401);
    const limited = await attempt().set('Accept-Language', 'en').expect(429);
    expect(limited.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(limited.body).toMatchObject({ status: 429, code: 'RATE_LIMITED', title: 'Too many requests' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });
});
