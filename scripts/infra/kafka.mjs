// Single-node Apache Kafka (KRaft, combined broker + controller) from the Maven Central jars, no containers.
// `ensureKafka()` reuses KAFKA_BROKERS or a broker on 127.0.0.1:9092, else starts one; `node scripts/infra/kafka.mjs`
// runs it in the foreground until Ctrl-C. Tests get a broker of their own (`--test`, 127.0.0.1:19092), so a test
// run never mixes its events and consumer groups with those of a platform started by `npm start`.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { hasExited, isMain, LOCAL, onShutdown, ROOT, run, stopChild, waitFor } from './common.mjs';

const POM = path.join(ROOT, 'deploy/kafka/pom.xml');
const LOG4J = path.join(ROOT, 'deploy/kafka/log4j.properties');
const LIBS = path.join(LOCAL, 'kafka', 'libs');
const HEAP = ['-Xms256m', '-Xmx512m'];

/** A broker of its own under .local/<name> (data, logs, config), on the given ports. */
export function brokerInstance(name, brokerPort, controllerPort) {
  const home = path.join(LOCAL, name);
  return {
    broker: `127.0.0.1:${brokerPort}`,
    controller: `127.0.0.1:${controllerPort}`,
    data: path.join(home, 'data'),
    logs: path.join(home, 'logs'),
    config: path.join(home, 'server.properties'),
  };
}

export const DEVELOPMENT_KAFKA = brokerInstance('kafka', 9092, 9093);
// TEST_SLOT=n (default 0) moves the test broker, ports and databases aside, so several checkouts on one machine
// can each run their tests at once.
const TEST_SLOT = Number(process.env.TEST_SLOT ?? 0);
export const TEST_KAFKA = brokerInstance(
  TEST_SLOT ? `kafka-test-${TEST_SLOT}` : 'kafka-test',
  19092 + TEST_SLOT * 10,
  19093 + TEST_SLOT * 10,
);

const log = (message) => console.error(`[kafka] ${message}`);

/** True when a broker at `brokers` answers a metadata request and has at least one live broker. */
export async function kafkaAnswers(brokers, timeoutMs = 1000) {
  const admin = new Kafka({
    clientId: 'khoinghiep-infra',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: timeoutMs,
    retry: { retries: 0 },
  }).admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return cluster.brokers.length > 0;
  } catch {
    return false; // refused or not ready yet: the caller polls
  } finally {
    await admin.disconnect();
  }
}

// The jar cache is complete when its marker holds the hash of the pom it was resolved from.
async function resolveJars() {
  const marker = path.join(LIBS, '.resolved');
  const digest = createHash('sha256').update(readFileSync(POM)).digest('hex');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === digest) return;
  log('resolving the Kafka jars with mvn (first run only)…');
  rmSync(LIBS, { recursive: true, force: true });
  await run('mvn', [
    '-q',
    '-B',
    '-f',
    POM,
    'dependency:copy-dependencies',
    '-DincludeScope=runtime',
    `-DoutputDirectory=${LIBS}`,
  ]);
  writeFileSync(marker, digest);
}

function writeConfig(instance) {
  const properties = {
    'process.roles': 'broker,controller',
    'node.id': 1,
    'controller.quorum.voters': `1@${instance.controller}`,
    listeners: `PLAINTEXT://${instance.broker},CONTROLLER://${instance.controller}`,
    'advertised.listeners': `PLAINTEXT://${instance.broker}`,
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': 'PLAINTEXT',
    'listener.security.protocol.map': 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    'log.dirs': instance.data,
    'num.partitions': 1,
    'auto.create.topics.enable': false,
    'offsets.topic.replication.factor': 1,
    // Fewer than the default 50 partitions: the first consumer group comes up noticeably faster.
    'offsets.topic.num.partitions': 10,
    'transaction.state.log.replication.factor': 1,
    'transaction.state.log.min.isr': 1,
    'group.initial.rebalance.delay.ms': 0,
    'log.retention.hours': 24,
  };
  const text = Object.entries(properties)
    .map(([key, value]) => `${key}=${value}`)
    .join('\n');
  writeFileSync(instance.config, `${text}\n`);
}

const java = (instance, mainClass, args) => [
  ...HEAP,
  `-Dlog4j.configuration=file:${LOG4J}`,
  `-Dkafka.logs.dir=${instance.logs}`,
  '-cp',
  path.join(LIBS, '*'),
  mainClass,
  ...args,
];

async function formatStorage(instance) {
  if (existsSync(path.join(instance.data, 'meta.properties'))) return;
  let clusterId;
  do clusterId = randomBytes(16).toString('base64url');
  while (clusterId.startsWith('-'));
  await run(
    'java',
    java(instance, 'kafka.tools.StorageTool', ['format', '-t', clusterId, '-c', instance.config]),
  );
}

function tail(file, lines = 20) {
  if (!existsSync(file)) return '';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

const reused = (brokers) => ({
  brokers,
  started: false,
  exited: new Promise(() => {}),
  stop: async () => {},
});

/**
 * Makes sure a Kafka broker is reachable. Resolves `{ brokers, started, exited, stop() }`: `brokers` is the
 * KAFKA_BROKERS-style comma list, `exited` settles if the broker we started dies, `stop()` stops only what we started.
 */
export async function ensureKafka(instance = DEVELOPMENT_KAFKA) {
  const configured = process.env.KAFKA_BROKERS;
  if (configured) {
    await waitFor(`Kafka at ${configured}`, () => kafkaAnswers(configured.split(',')), {
      timeoutMs: 30_000,
      intervalMs: 1000,
    });
    return reused(configured);
  }
  if (await kafkaAnswers([instance.broker])) return reused(instance.broker);
  return startKafka(instance);
}

/**
 * Starts `instance` (formatting its storage the first time; a restart keeps its data). `stop(options)` takes
 * stopChild's `{ signal, graceMs }`.
 */
export async function startKafka(instance) {
  mkdirSync(instance.logs, { recursive: true });
  await resolveJars();
  writeConfig(instance);
  await formatStorage(instance);

  const output = openSync(path.join(instance.logs, 'kafka.out'), 'a');
  // Own process group: a terminal Ctrl-C reaches our scripts, which stop the apps before the broker.
  const child = spawn('java', java(instance, 'kafka.Kafka', [instance.config]), {
    stdio: ['ignore', output, output],
    detached: true,
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  const started = Date.now();
  try {
    await waitFor('Kafka broker', () => kafkaAnswers([instance.broker]), {
      timeoutMs: 90_000,
      abort: () =>
        hasExited(child) &&
        `java exited early; last log lines:\n${tail(path.join(instance.logs, 'server.log'))}`,
    });
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  log(
    `broker ready on ${instance.broker} in ${((Date.now() - started) / 1000).toFixed(1)} s (logs: ${instance.logs})`,
  );
  return { brokers: instance.broker, started: true, exited, stop: (options) => stopChild(child, options) };
}

if (isMain(import.meta)) {
  const kafka = await ensureKafka(process.argv.includes('--test') ? TEST_KAFKA : DEVELOPMENT_KAFKA);
  if (!kafka.started) {
    log(`a broker already answers on ${kafka.brokers}; nothing to start`);
  } else {
    log('running in the foreground; Ctrl-C stops it');
    const stopping = onShutdown(kafka.stop);
    kafka.exited.then((how) => {
      if (stopping()) return;
      log(`broker exited unexpectedly (${how})`);
      process.exit(1);
    });
  }
}
