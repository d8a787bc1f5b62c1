import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CLS_REQ, ClsServiceManager } from 'nestjs-cls';
import { UpstreamProblemError } from '../src/errors/upstream-problem.error.js';
import {
  ServiceBadResponseError,
  ServiceTimeoutError,
  ServiceUnavailableError,
} from '../src/service-client/service-client.errors.js';
import { ServiceClient } from '../src/service-client/service-client.js';

/** A tiny real service: each path behaves like a service in one particular state. */
function handle(request: IncomingMessage, response: ServerResponse): void {
  const url = new URL(request.url ?? '/', 'http://localhost');
  switch (url.pathname) {
    case '/echo': {
      let body = '';
      request.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      request.on('end', () => {
        response.setHeader('content-type', 'application/json');
        response.end(
          JSON.stringify({
            method: request.method,
            query: url.search,
            headers: request.headers,
            body: body || null,
          }),
        );
      });
      return;
    }
    case '/problem':
      response.statusCode = 409;
      response.setHeader('content-type', 'application/problem+json');
      response.setHeader('retry-after', '7');
      response.end(
        JSON.stringify({
          type: 'urn:x',
          title: 'Xung đột',
          status: 409,
          detail: 'Trạng thái draft',
          code: 'INVALID',
        }),
      );
      return;
    case '/html-error':
      response.statusCode = 500;
      response.setHeader('content-type', 'text/html');
      response.end('<h1>Internal Server Error</h1><pre>at secret.js:1</pre>');
      return;
    case '/empty':
      response.statusCode = 204;
      response.end();
      return;
    case '/slow':
      // Never answers; the client's deadline must end the call.
      return;
    case '/stall-body':
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"partial":');
      return;
    case '/reset':
      request.socket.destroy();
      return;
    default:
      response.statusCode = 404;
      response.end();
  }
}

async function listen(server: Server): Promise<number> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

/** A port nothing listens on: bound once, then released. */
async function freePort(): Promise<number> {
  const probe = createServer();
  const port = await listen(probe);
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function elapsed<T>(work: () => Promise<T>): Promise<{ ms: number; error: unknown }> {
  const started = performance.now();
  try {
    await work();
    return { ms: performance.now() - started, error: undefined };
  } catch (error) {
    return { ms: performance.now() - started, error };
  }
}

describe('ServiceClient against a real HTTP server', () => {
  const server = createServer(handle);
  let client: ServiceClient;

  beforeAll(async () => {
    const port = await listen(server);
    client = new ServiceClient({
      service: 'projects',
      baseUrl: `http://127.0.0.1:${port}/`,
      timeoutMs: 2000,
    });
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends JSON and a query, and parses the JSON answer', async () => {
    const response = await client.post<{
      method: string;
      query: string;
      body: string;
      headers: Record<string, string>;
    }>(
      '/echo',
      { title: 'Cà phê' },
      { query: { sector: ['agriculture_food', 'tourism'], limit: 5, skipped: undefined } },
    );
    expect(response.status).toBe(200);
    expect(response.body.method).toBe('POST');
    expect(response.body.query).toBe('?sector=agriculture_food&sector=tourism&limit=5');
    expect(JSON.parse(response.body.body)).toEqual({ title: 'Cà phê' });
    expect(response.body.headers['content-type']).toBe('application/json');
  });

  it("forwards the current request's token, correlation id and language", async () => {
    const cls = ClsServiceManager.getClsService();
    const incoming = { headers: { authorization: 'Bearer abc.def.ghi', 'accept-language': 'en' } };
    const echoed = await cls.run(async () => {
      cls.set(CLS_REQ, incoming);
      cls.set('correlationId', 'corr-42');
      return client.get<{ headers: Record<string, string> }>('/echo');
    });
    expect(echoed.body.headers).toMatchObject({
      authorization: 'Bearer abc.def.ghi',
      'x-correlation-id': 'corr-42',
      'accept-language': 'en',
    });
  });

  it('sends a fresh correlation id and no token outside a request, and lets a call drop the token', async () => {
    const outside = await client.get<{ headers: Record<string, string> }>('/echo');
    expect(outside.body.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(outside.body.headers.authorization).toBeUndefined();
    const cls = ClsServiceManager.getClsService();
    const dropped = await cls.run(async () => {
      cls.set(CLS_REQ, { headers: { authorization: 'Bearer abc' } });
      return client.get<{ headers: Record<string, string> }>('/echo', { authorization: null });
    });
    expect(dropped.body.headers.authorization).toBeUndefined();
  });

  it('keeps its connection to the service alive between calls instead of opening one per call', async () => {
    let opened = 0;
    const counting = createServer(handle).on('connection', () => {
      opened += 1;
    });
    const reused = new ServiceClient({
      service: 'projects',
      baseUrl: `http://127.0.0.1:${await listen(counting)}`,
    });
    const calls = async (count: number) => {
      for (let call = 0; call < count; call += 1) await reused.get('/echo');
    };
    try {
      await calls(5);
      const warm = opened;
      await calls(50);
      expect(warm).toBeLessThanOrEqual(2);
      expect(opened).toBe(warm);
    } finally {
      counting.closeAllConnections();
      await new Promise((resolve) => counting.close(resolve));
    }
  });

  it('relays a success as the text the service wrote, and a failure as the same problem send would throw', async () => {
    const relayed = await client.relay({ method: 'POST', path: '/echo?q=c%C3%A0', body: { a: 1 } });
    expect(relayed.status).toBe(200);
    expect(JSON.parse(relayed.text)).toMatchObject({ method: 'POST', query: '?q=c%C3%A0', body: '{"a":1}' });
    expect((await client.relay({ path: '/empty' })).text).toBe('');
    await expect(client.relay({ path: '/problem' })).rejects.toMatchObject({
      constructor: UpstreamProblemError,
      status: 409,
    });
  });

  it('answers an empty 204 with no body', async () => {
    expect(await client.delete('/empty')).toMatchObject({ status: 204, body: undefined });
  });

  it("passes the service's problem document through with its status and Retry-After", async () => {
    const { error } = await elapsed(() => client.get('/problem'));
    expect(error).toBeInstanceOf(UpstreamProblemError);
    expect(error).toMatchObject({
      status: 409,
      service: 'projects',
      problem: { code: 'INVALID', detail: 'Trạng thái draft' },
      headers: { 'retry-after': '7' },
    });
  });

  it('turns a non-problem error page into a 502 that leaks nothing of it', async () => {
    const { error } = await elapsed(() => client.get('/html-error'));
    expect(error).toBeInstanceOf(ServiceBadResponseError);
    expect((error as ServiceBadResponseError).message).not.toContain('secret.js');
  });

  it('gives 503 naming the service when nothing listens, at once', async () => {
    const down = new ServiceClient({ service: 'funding', baseUrl: `http://127.0.0.1:${await freePort()}` });
    const { ms, error } = await elapsed(() => down.get('/health/ready'));
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error).toMatchObject({ status: 503, params: { service: 'funding' } });
    expect(ms).toBeLessThan(1000);
  });

  it('gives 503 when the service drops the connection', async () => {
    const { error } = await elapsed(() => client.get('/reset'));
    expect(error).toBeInstanceOf(ServiceUnavailableError);
  });

  it('gives 504 at the deadline when the service does not answer', async () => {
    const { ms, error } = await elapsed(() => client.get('/slow', { timeoutMs: 300 }));
    expect(error).toBeInstanceOf(ServiceTimeoutError);
    expect(error).toMatchObject({ status: 504, params: { service: 'projects', timeoutMs: 300 } });
    expect(ms).toBeGreaterThanOrEqual(290);
    expect(ms).toBeLessThan(1000);
  });

  it('gives 504 at the deadline when the service stalls in the middle of its answer', async () => {
    const { ms, error } = await elapsed(() => client.get('/stall-body', { timeoutMs: 300 }));
    expect(error).toBeInstanceOf(ServiceTimeoutError);
    expect(ms).toBeLessThan(1000);
  });
});
