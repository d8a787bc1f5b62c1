// Runs the built apps as child processes for `npm start`: one environment, prefixed output, readiness checks.
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { APP_PORTS, APPS, hasExited, ROOT, stopChild, waitFor } from './infra/common.mjs';

const COLOURS = [36, 35, 33, 32, 34];
const WIDTH = Math.max(...APPS.map((app) => app.length));

/**
 * Environment every app gets: infrastructure, development defaults, where the gateway finds each service, and
 * where it serves its metrics (its port + 9, so platforms started side by side, e.g. a bench, do not collide).
 */
export function platformEnv({ databaseUrl, kafkaBrokers, ports = APP_PORTS }) {
  const env = {
    NODE_ENV: 'development',
    ADMIN_EMAIL: 'admin@khoinghiep.local',
    ADMIN_PASSWORD: 'Khoinghiep-Admin-2026!',
    METRICS_PORT: String(ports.gateway + 9),
    ...process.env,
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: kafkaBrokers,
  };
  for (const app of APPS) env[`${app.toUpperCase()}_URL`] = `http://127.0.0.1:${ports[app]}`;
  return env;
}

function prefixLines(stream, prefix, out) {
  readline.createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY }).on('line', (line) => {
    out.write(`${prefix} ${line}\n`);
  });
}

/**
 * Starts `apps/<app>/dist/main.js` on `port`. Resolves a handle with `ready()` (waits for /health/ready),
 * `stop()`, and `exited` (settles with the exit code or signal).
 */
export function launchApp(app, { env, port, colour = process.stdout.isTTY }) {
  const child = spawn(process.execPath, [path.join(ROOT, 'apps', app, 'dist', 'main.js')], {
    cwd: ROOT,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const label = app.padEnd(WIDTH);
  const code = COLOURS[APPS.indexOf(app) % COLOURS.length];
  const prefix = colour ? `\x1b[${code}m${label} |\x1b[0m` : `${label} |`;
  prefixLines(child.stdout, prefix, process.stdout);
  prefixLines(child.stderr, prefix, process.stderr);
  const exited = new Promise((resolve) => child.once('exit', (status, signal) => resolve(signal ?? status)));
  const url = `http://127.0.0.1:${port}`;

  const ready = () =>
    waitFor(
      `${app} /health/ready`,
      async () => {
        try {
          return (await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(2000) })).ok;
        } catch {
          return false; // not listening yet
        }
      },
      {
        timeoutMs: 120_000,
        abort: () =>
          hasExited(child) && `exited with ${child.signalCode ?? child.exitCode} before it was ready`,
      },
    );

  return { app, url, exited, ready, stop: () => stopChild(child, { graceMs: 15_000 }) };
}
