// `npm start`: PostgreSQL and Kafka (reused or started), build, topics, the five apps (restarted if they crash);
// Ctrl-C stops what it started.
// `npm start -- --seed` then runs scripts/seed.mjs against the running platform.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { launchApp, platformEnv } from './apps.mjs';
import { APP_PORTS, APPS, onShutdown, ROOT } from './infra/common.mjs';
import { bringUpInfrastructure, Stopper } from './infra/index.mjs';
import { supervise } from './supervisor.mjs';

const SEED_SCRIPT = path.join(ROOT, 'scripts', 'seed.mjs');
const startedAt = performance.now();
const seconds = () => ((performance.now() - startedAt) / 1000).toFixed(1);
const say = (message) => console.error(`[start] ${message}`);
const loud = (message) => console.error(`\n\x1b[1;31m[start] ✖ ${message}\x1b[0m\n`);

// Stopped in reverse: the apps, then Kafka, then PostgreSQL.
const stopper = new Stopper();
let infrastructure = Promise.resolve();
// A Ctrl-C during start-up first lets Kafka/PostgreSQL finish starting, so that they are stopped too;
// a start-up failure is reported by main().
const stopping = onShutdown(async () => {
  await infrastructure.catch(() => {});
  await stopper.stopAll();
});

function seedPlatform(env) {
  if (!existsSync(SEED_SCRIPT)) {
    loud('--seed given but scripts/seed.mjs does not exist yet');
    return;
  }
  say('seeding demo data (scripts/seed.mjs)…');
  const child = spawn(process.execPath, [SEED_SCRIPT], { cwd: ROOT, env, stdio: 'inherit' });
  child.once('exit', (code, signal) => {
    if (code !== 0 && !stopping()) loud(`seed failed (${signal ?? code})`);
  });
}

async function main() {
  say('PostgreSQL, Kafka and the build…');
  infrastructure = bringUpInfrastructure({ prefix: process.env.DATABASE_PREFIX, stopper });
  const { postgres, kafka } = await infrastructure;
  if (stopping()) return;
  kafka.exited.then(
    (how) => stopping() || loud(`the Kafka broker exited (${how}); the apps cannot work without it`),
  );
  say(`infrastructure ready after ${seconds()} s; starting ${APPS.join(', ')}`);

  const ports = { ...APP_PORTS, gateway: Number(process.env.PORT ?? APP_PORTS.gateway) };
  const env = platformEnv({ databaseUrl: postgres.url, kafkaBrokers: kafka.brokers, ports });
  // An app that exits unexpectedly is started again, with a backoff, until Ctrl-C.
  const apps = APPS.map((app) =>
    supervise(app, () => launchApp(app, { env, port: ports[app] }), { say: loud, isStopping: stopping }),
  );
  stopper.add(() => Promise.all(apps.map((app) => app.stop())));
  await Promise.all(apps.map((app) => app.ready()));
  if (stopping()) return;

  const gateway = `http://127.0.0.1:${ports.gateway}`;
  console.log(
    [
      '',
      `Khởi nghiệp Hub is ready (${seconds()} s)`,
      `  Gateway:  ${gateway}/api/v1`,
      `  OpenAPI:  ${gateway}/api/docs`,
      `  Metrics:  http://127.0.0.1:${env.METRICS_PORT}/metrics (the gateway's; each service's on its port)`,
      `  Admin:    ${env.ADMIN_EMAIL} (password from ADMIN_PASSWORD)`,
      '  Ctrl-C stops everything this command started.',
      '',
    ].join('\n'),
  );
  if (process.argv.includes('--seed')) seedPlatform({ ...env, GATEWAY_URL: gateway });
}

main().catch(async (error) => {
  loud(error instanceof Error ? error.message : String(error));
  await stopper.stopAll();
  process.exit(1);
});
