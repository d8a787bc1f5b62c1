import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { register } from 'prom-client';

/**
 * Prometheus' registry on a port of its own, for an app whose HTTP port is public (the gateway): scrapers reach
 * it on the pod or the machine, callers of the API never do.
 */
export async function startMetricsServer(host: string, port: number): Promise<Server> {
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    register.metrics().then(
      (body) => response.writeHead(200, { 'Content-Type': register.contentType }).end(body),
      (error: Error) => response.writeHead(500, { 'Content-Type': 'text/plain' }).end(error.message),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  // Not a reason to keep the process alive once the app has shut down.
  server.unref();
  return server;
}

export function listeningPort(server: Server): number {
  return (server.address() as AddressInfo).port;
}
