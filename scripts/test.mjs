// `npm test`: Biome, the type check of the tests, then PostgreSQL and Kafka (reused or started, and then stopped), build, topics, and Jest one
// tier at a time. `npm test -- <jest args>` (e.g. a file path) runs just that Jest selection, still with the infra.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { LOCAL, onShutdown, ROOT } from './infra/common.mjs';
import { bringUpInfrastructure, Stopper } from './infra/index.mjs';
import { TEST_KAFKA } from './infra/kafka.mjs';

const PREFIX = process.env.TEST_SLOT ? `khoinghiep_test${process.env.TEST_SLOT}_` : 'khoinghiep_test_';
const JEST = path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
const BIOME = path.join(ROOT, 'node_modules', '.bin', 'biome');
const TSC = path.join(ROOT, 'node_modules', '.bin', 'tsc');
// One run per tier: the e2e platform (started by that project's globalSetup) must not run alongside the
// integration tests, whose in-process apps join the same consumer groups. Tiers that share the database run in band.
const TIERS = [
  ['unit', '--maxWorkers=2'],
  ['integration', '--runInBand'],
  ['e2e', '--runInBand'],
];

const say = (message) => console.error(`[test] ${message}`);

const stopper = new Stopper();
let infrastructure = Promise.resolve();
let running = null;
const stopping = onShutdown(async (signal) => {
  if (running) {
    // The whole group: Jest, its workers and the app processes the e2e tests spawned.
    process.kill(-running.child.pid, signal);
    await running.done;
  }
  await infrastructure.catch(() => {}); // a start-up failure is reported by main()
  await stopper.stopAll();
}, 130);

function exec(command, args, env) {
  // Own process group, so that an interrupted run stops everything under it (see onShutdown above).
  const child = spawn(command, args, { cwd: ROOT, env, stdio: 'inherit', detached: true });
  const done = new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      running = null;
      resolve(code ?? 1);
    });
  });
  running = { child, done };
  return done;
}

async function main() {
  const selection = process.argv.slice(2);
  if (selection.length === 0) {
    say('biome check .');
    if ((await exec(BIOME, ['check', '.'], process.env)) !== 0) return 1;
    // Jest's swc transform strips types and `tsc -b` leaves the tests out: this is where a test's type error fails.
    say('tsc --noEmit -p tsconfig.test.json');
    if ((await exec(TSC, ['--noEmit', '-p', 'tsconfig.test.json'], process.env)) !== 0) return 1;
  }
  infrastructure = bringUpInfrastructure({ prefix: PREFIX, stopper, kafka: TEST_KAFKA });
  const { postgres, kafka } = await infrastructure;
  const env = {
    ...process.env,
    KAFKA_BROKERS: kafka.brokers,
    DATABASE_URL: postgres.url,
    DATABASE_PREFIX: PREFIX,
    NODE_OPTIONS: [process.env.NODE_OPTIONS, '--experimental-vm-modules'].filter(Boolean).join(' '),
  };

  if (selection.length > 0) return exec(process.execPath, [JEST, '--runInBand', ...selection], env);

  const outcomes = [];
  mkdirSync(LOCAL, { recursive: true });
  for (const [tier, parallelism] of TIERS) {
    if (stopping()) return 130;
    say(`jest: ${tier}`);
    const report = path.join(LOCAL, `jest-${tier}.json`);
    rmSync(report, { force: true });
    const args = [
      JEST,
      '--selectProjects',
      tier,
      parallelism,
      '--passWithNoTests',
      '--json',
      `--outputFile=${report}`,
    ];
    const code = await exec(process.execPath, args, env);
    const counts = existsSync(report) ? JSON.parse(readFileSync(report, 'utf8')) : {};
    const failed = (counts.numFailedTests ?? 0) + (counts.numRuntimeErrorTestSuites ?? 0);
    // A tier that broke before any test could fail (e.g. its global setup) still counts as one failure.
    outcomes.push({
      tier,
      code,
      passed: counts.numPassedTests ?? 0,
      failed: code !== 0 && failed === 0 ? 1 : failed,
    });
  }
  const sum = (key) => outcomes.reduce((total, outcome) => total + outcome[key], 0);
  say(outcomes.map(({ tier, code }) => `${tier} ${code === 0 ? 'passed' : `FAILED (${code})`}`).join(', '));
  // The closing line CI reads, for all tiers together.
  console.log(`Tests: ${sum('passed')} passed, ${sum('failed')} failed`);
  return outcomes.find(({ code }) => code !== 0)?.code ?? 0;
}

let exitCode;
try {
  exitCode = await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  exitCode = 1;
}
// When interrupted, the shutdown handler stops the infrastructure and sets the exit code.
if (!stopping()) {
  await stopper.stopAll();
  process.exit(exitCode);
}
