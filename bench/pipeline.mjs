// `npm run bench:pipeline`: events/s and p50/p99 latency of the messaging pipeline, from the outbox commit in one
// service (app A: unit of work → outbox → relay) to the handler's commit in another (app B: consumer → inbox +
// effect), against raw kafkajs produce → consume of the same payloads on the same broker. Last line:
// `ratio: <pipeline throughput / raw throughput>`.
//
// Throughput: N events pushed as fast as they go (their p50/p99 then include queueing); for the pipeline once with
// one event per transaction in app A (one command, one event: the ratio uses this one) and once with 50 (a bulk
// import), which shows what relay and consumer sustain when commits in A are not the limit. Latency: M events at
// a steady rate. Settings (environment): BENCH_EVENTS (default 10000),
// BENCH_PACED (default 500), BENCH_RATE (events/s of the paced phase, default 200), BENCH_CONCURRENCY
// (transactions in flight in app A, default 16). Infrastructure as for `npm start`.
import { fork } from 'node:child_process';
import path from 'node:path';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { onShutdown, ROOT, run } from '../scripts/infra/common.mjs';
import { bringUpInfrastructure, Stopper } from '../scripts/infra/index.mjs';
import { TEST_KAFKA } from '../scripts/infra/kafka.mjs';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000);
const PACED = Number(process.env.BENCH_PACED ?? 500);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const BULK = 50;
const WARMUP = 300;
const PREFIX = 'khoinghiep_bench_';
const DIST = path.join(ROOT, 'bench', 'pipeline', 'dist');
const BODY = 'x'.repeat(256);

const say = (message) => console.error(`[bench] ${message}`);
const now = () => performance.timeOrigin + performance.now();
const stopper = new Stopper();
onShutdown(() => stopper.stopAll(), 130);

// ---- statistics -------------------------------------------------------------------------------------------------

function summarise(sentAt, receivedAt) {
  const latencies = sentAt.map((sent, i) => receivedAt[i] - sent).sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  const seconds = (Math.max(...receivedAt) - Math.min(...sentAt)) / 1000;
  return { perSecond: sentAt.length / seconds, p50: at(0.5), p99: at(0.99) };
}

const ms = (value) => `${value.toFixed(1).padStart(7)} ms`;
const throughput = (name, load) =>
  `${name.padEnd(34)} ${load.perSecond.toFixed(0).padStart(6)} events/s   p50 ${ms(load.p50)}   p99 ${ms(load.p99)}`;
const latency = (name, paced) =>
  `${name.padEnd(34)} ${`at ${RATE}/s`.padStart(15)}   p50 ${ms(paced.p50)}   p99 ${ms(paced.p99)}`;

// ---- raw kafkajs -----------------------------------------------------------------------------------------------

/** The same ~600-byte envelope the pipeline carries, with the phase and index in its payload. */
function envelope(phase, i) {
  return JSON.stringify({
    id: uuidv7(),
    type: 'bench.item.recorded',
    version: 1,
    occurredAt: new Date().toISOString(),
    aggregateType: 'item',
    aggregateId: `item-${i % 1000}`,
    actor: { userId: null, roles: [] },
    correlationId: uuidv7(),
    causationId: null,
    payload: { phase, i, body: BODY },
  });
}

async function raw(brokers, runId) {
  const kafka = new Kafka({ clientId: 'bench-raw', brokers, logLevel: logLevel.WARN });
  const topic = `bench-raw-${runId}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 6 }], waitForLeaders: true });
  await admin.disconnect();

  // Same producer guarantees as the relay; same consumer settings as the event transport.
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  const consumer = kafka.consumer({ groupId: `bench-raw-${runId}`, maxWaitTimeInMs: 100 });
  const received = new Map();
  const waiting = new Map();
  await producer.connect();
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  const joined = new Promise((resolve) => consumer.on(consumer.events.GROUP_JOIN, resolve));
  await consumer.run({
    partitionsConsumedConcurrently: 6,
    eachBatch: async ({ batch }) => {
      for (const message of batch.messages) {
        const { payload } = JSON.parse(message.value.toString());
        const times = received.get(payload.phase) ?? [];
        times[payload.i] = now();
        received.set(payload.phase, times);
        const wanted = waiting.get(payload.phase);
        if (wanted && times.filter(Boolean).length === wanted.count) wanted.resolve(times);
      }
    },
  });
  await joined;
  const receivedAll = (phase, count) => new Promise((resolve) => waiting.set(phase, { count, resolve }));
  const message = (phase, i) => ({ key: `item-${i % 1000}`, value: envelope(phase, i) });

  const measureLoad = async (phase, count) => {
    const done = receivedAll(phase, count);
    const sentAt = new Array(count);
    for (let start = 0; start < count; start += 500) {
      const end = Math.min(count, start + 500);
      const messages = [];
      for (let i = start; i < end; i++) messages.push(message(phase, i));
      const t = now();
      for (let i = start; i < end; i++) sentAt[i] = t;
      await producer.send({ topic, messages, acks: -1 });
    }
    return summarise(sentAt, await done);
  };

  const measurePaced = async (phase, count) => {
    const done = receivedAll(phase, count);
    const sentAt = new Array(count);
    const start = now();
    for (let i = 0; i < count; i++) {
      const wait = start + (i * 1000) / RATE - now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      sentAt[i] = now();
      await producer.send({ topic, messages: [message(phase, i)], acks: -1 });
    }
    return summarise(sentAt, await done);
  };

  try {
    await measureLoad('warmup', WARMUP);
    return { load: await measureLoad('throughput', EVENTS), paced: await measurePaced('latency', PACED) };
  } finally {
    await consumer.disconnect();
    await producer.disconnect();
  }
}

// ---- the pipeline: app A → outbox → relay → Kafka → app B -------------------------------------------------------

async function freshDatabase(serverUrl, name) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.href;
}

function service(program, config) {
  const child = fork(path.join(DIST, `${program}.js`), [], {
    execArgv: process.env.BENCH_PROFILE === program ? ['--cpu-prof', '--cpu-prof-dir=.local/prof'] : [],
    env: { ...process.env, BENCH_CONFIG: JSON.stringify(config) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  stopper.add(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  });
  const next = (type, phase) =>
    new Promise((resolve, reject) => {
      const onMessage = (message) => {
        if (message.type === type && message.phase === phase) {
          child.off('message', onMessage);
          resolve(message);
        }
      };
      child.on('message', onMessage);
      exited.then(() => reject(new Error(`${program} exited`)));
    });
  return { send: (message) => child.send(message), next };
}

async function pipeline(brokers, serverUrl, runId) {
  const topic = `bench-pipe-${runId}.events`;
  const kafka = new Kafka({ clientId: 'bench-admin', brokers, logLevel: logLevel.WARN });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    topics: [
      { topic, numPartitions: 6 },
      { topic: `${topic}.dlq`, numPartitions: 3 },
    ],
    waitForLeaders: true,
  });
  await admin.disconnect();

  const b = service('service-b', {
    databaseUrl: await freshDatabase(serverUrl, `${PREFIX}pipeline_b`),
    brokers,
    topic,
    group: `bench-b-${runId}`,
  });
  await b.next('ready');
  const a = service('service-a', {
    databaseUrl: await freshDatabase(serverUrl, `${PREFIX}pipeline_a`),
    brokers,
    topic,
  });
  await a.next('ready');

  const measure = async (phase, count, load) => {
    b.send({ type: 'expect', phase, count });
    const handled = b.next('handled', phase);
    a.send({ type: 'run', phase, count, ...load });
    const { committedAt } = await a.next('committed', phase);
    const { handledAt, stages } = await handled;
    const median = (values) => values.sort((x, y) => x - y)[Math.floor(values.length / 2)];
    say(
      `${phase}: median commit → relay send ${median(stages.map((s, i) => s.publishedAt - committedAt[i])).toFixed(1)} ms, ` +
        `send → handler start ${median(stages.map((s) => s.startedAt - s.publishedAt)).toFixed(1)} ms, ` +
        `handler start → commit ${median(stages.map((s, i) => handledAt[i] - s.startedAt)).toFixed(1)} ms`,
    );
    const rate = (times) => (times.length * 1000) / (Math.max(...times) - Math.min(...times));
    say(`${phase}: A committed ${rate(committedAt).toFixed(0)}/s, B handled ${rate(handledAt).toFixed(0)}/s`);
    return summarise(committedAt, handledAt);
  };

  await measure('warmup', WARMUP, { concurrency: CONCURRENCY });
  return {
    load: await measure('throughput', EVENTS, { concurrency: CONCURRENCY }),
    bulk: await measure('bulk', EVENTS, { concurrency: CONCURRENCY, perTransaction: BULK }),
    paced: await measure('latency', PACED, { rate: RATE }),
  };
}

// ---- main -------------------------------------------------------------------------------------------------------

async function main() {
  const { postgres, kafka } = await bringUpInfrastructure({ prefix: PREFIX, stopper, kafka: TEST_KAFKA });
  await run(path.join(ROOT, 'node_modules', '.bin', 'tsc'), ['-b', path.join(ROOT, 'bench', 'pipeline')], {
    cwd: ROOT,
  });
  const brokers = kafka.brokers.split(',');
  const runId = `${Date.now().toString(36)}`;
  stopper.add(() => deleteTopics(brokers, runId));
  say(
    `${EVENTS} events as fast as they go, then ${PACED} at ${RATE}/s; app A runs ${CONCURRENCY} transactions at once`,
  );

  say('raw kafkajs: produce → consume…');
  const rawResult = await raw(brokers, runId);
  say('pipeline: A commit → outbox → relay → Kafka → B handler commit…');
  const pipelineResult = await pipeline(brokers, postgres.url, runId);

  console.log(throughput('raw kafkajs, as fast as it goes', rawResult.load));
  console.log(throughput('pipeline, 1 event per transaction', pipelineResult.load));
  console.log(throughput(`pipeline, ${BULK} events per transaction`, pipelineResult.bulk));
  console.log(latency('raw kafkajs, paced', rawResult.paced));
  console.log(latency('pipeline, paced', pipelineResult.paced));
  console.log(`ratio: ${(pipelineResult.load.perSecond / rawResult.load.perSecond).toFixed(3)}`);
}

/** The run's topics go when it ends, so the broker does not collect them bench after bench. */
async function deleteTopics(brokers, runId) {
  const admin = new Kafka({ clientId: 'bench-admin', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((topic) => topic.includes(`-${runId}`));
    if (topics.length > 0) await admin.deleteTopics({ topics });
  } finally {
    await admin.disconnect();
  }
}

let exitCode = 0;
try {
  await main();
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await stopper.stopAll();
}
process.exit(exitCode);
