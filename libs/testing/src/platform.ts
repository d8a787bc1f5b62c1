import { createServer } from 'node:net';
import { APP_NAMES, type AppName, TEST_PORTS } from './apps.js';
import { type AppProcess, spawnApp } from './spawn-app.js';

/** All five apps running as processes on TEST_PORTS. */
export interface Platform {
  readonly apps: Readonly<Record<AppName, AppProcess>>;
  /** e.g. `http://127.0.0.1:4000`; the public API is under `/api/v1`. */
  readonly gatewayUrl: string;
  /** Stops every app (SIGTERM, SIGKILL after the grace period) and waits for them to exit. */
  stop(): Promise<void>;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
      .once('error', () => resolve(false))
      .listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** Spawns the five apps with `env` on top of the test environment and waits until each is ready. */
export async function startPlatform(env: NodeJS.ProcessEnv = {}, readyTimeoutMs = 90_000): Promise<Platform> {
  // Another run's apps on these ports would answer our readiness probes while ours fail to listen.
  const taken = [];
  for (const port of Object.values(TEST_PORTS)) if (!(await portIsFree(port))) taken.push(port);
  if (taken.length > 0) {
    throw new Error(`port(s) ${taken.join(', ')} in use (another test run?); the e2e platform needs them`);
  }
  const apps = Object.fromEntries(APP_NAMES.map((name) => [name, spawnApp(name, env)])) as Record<
    AppName,
    AppProcess
  >;
  const stop = async () => {
    await Promise.all(Object.values(apps).map((app) => app.stop()));
  };
  try {
    await Promise.all(Object.values(apps).map((app) => app.waitReady(readyTimeoutMs)));
  } catch (error) {
    await stop();
    throw error;
  }
  return { apps, gatewayUrl: apps.gateway.url, stop };
}

/** The gateway of the platform the e2e global setup started (E2E_GATEWAY_URL), else the default test port. */
export function e2eGatewayUrl(): string {
  return process.env.E2E_GATEWAY_URL ?? `http://127.0.0.1:${TEST_PORTS.gateway}`;
}
