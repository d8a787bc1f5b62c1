import { randomBytes } from 'node:crypto';
import { type TopicSpec, withDeadLetterTopic } from '@khoinghiep/contracts';
import { ensureTopics, MESSAGING_ENTITIES } from '@khoinghiep/messaging';
import { databaseLocationFor, ensureDatabase } from '@khoinghiep/persistence';
import { type IHeaders, Kafka, logLevel, type Message } from 'kafkajs';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { FIXTURE_MIGRATIONS } from '../fixtures/fixture-app.js';

export const BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

/** Lower-case and unique per test run, so topics, groups and event types never meet those of earlier runs. */
export function newRunId(): string {
  return `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

export function kafka(): Kafka {
  return new Kafka({ clientId: 'messaging-test', brokers: BROKERS, logLevel: logLevel.NOTHING });
}

export interface TestDatabase {
  url: string;
  dataSource: DataSource;
}

/**
 * `khoinghiep_test_messaging_<suffix>`, created afresh and migrated: every run starts from empty tables. One per
 * test file, since a database has one relay leader.
 */
export async function prepareDatabase(suffix: string): Promise<TestDatabase> {
  const env = { ...process.env, DATABASE_PREFIX: process.env.DATABASE_PREFIX ?? 'khoinghiep_test_' };
  const location = databaseLocationFor(`messaging_${suffix}`, env);
  const admin = new pg.Client({ connectionString: location.adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(location.name)} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  await ensureDatabase(location);
  const dataSource = new DataSource({
    type: 'postgres',
    url: location.url,
    entities: MESSAGING_ENTITIES,
    migrations: FIXTURE_MIGRATIONS,
  });
  await dataSource.initialize();
  await dataSource.runMigrations();
  return { url: location.url, dataSource };
}

const createdTopics = new Set<string>();

export async function createTopic(name: string, partitions = 6): Promise<TopicSpec[]> {
  const specs = withDeadLetterTopic({ name, partitions });
  await ensureTopics(kafka(), specs);
  for (const spec of specs) createdTopics.add(spec.name);
  return specs;
}

/** Deletes the topics this test file created, so the shared broker does not collect them run after run. */
export async function deleteCreatedTopics(): Promise<void> {
  if (createdTopics.size === 0) return;
  const admin = kafka().admin();
  await admin.connect();
  try {
    await admin.deleteTopics({ topics: [...createdTopics] });
    createdTopics.clear();
  } finally {
    await admin.disconnect();
  }
}

export interface ReadMessage {
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

/** Everything `topic` holds at the time of the call, in partition order then offset order. */
export async function readTopic(topic: string, timeoutMs = 20_000): Promise<ReadMessage[]> {
  const client = kafka();
  const admin = client.admin();
  await admin.connect();
  const ends = new Map(
    (await admin.fetchTopicOffsets(topic))
      .filter((end) => BigInt(end.high) > BigInt(end.low))
      .map((end) => [end.partition, BigInt(end.high)]),
  );
  const messages: ReadMessage[] = [];
  if (ends.size > 0) {
    const groupId = `mtest-reader-${newRunId()}`;
    const consumer = client.consumer({ groupId, maxWaitTimeInMs: 100 });
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${topic} not read in ${timeoutMs} ms`)), timeoutMs);
        consumer
          .run({
            eachMessage: async ({ partition, message }) => {
              const end = ends.get(partition);
              if (end === undefined || BigInt(message.offset) >= end) {
                return;
              }
              messages.push({
                partition,
                offset: message.offset,
                key: message.key?.toString() ?? null,
                value: message.value?.toString() ?? null,
                headers: textHeaders(message.headers),
              });
              if (BigInt(message.offset) + 1n >= end) {
                ends.delete(partition);
                if (ends.size === 0) {
                  clearTimeout(timer);
                  resolve();
                }
              }
            },
          })
          .catch(reject);
      });
    } finally {
      await consumer.disconnect();
      await admin.deleteGroups([groupId]).catch(() => undefined);
    }
  }
  await admin.disconnect();
  return messages.sort((a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)));
}

export async function produce(topic: string, messages: Message[]): Promise<void> {
  const producer = kafka().producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    await producer.send({ topic, messages, acks: -1 });
  } finally {
    await producer.disconnect();
  }
}

/** Committed offset of a group per partition (-1: none). */
export async function committedOffsets(groupId: string, topic: string): Promise<Map<number, bigint>> {
  const admin = kafka().admin();
  await admin.connect();
  try {
    const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return new Map((offsets?.partitions ?? []).map(({ partition, offset }) => [partition, BigInt(offset)]));
  } finally {
    await admin.disconnect();
  }
}

export async function highWatermarks(topic: string): Promise<Map<number, bigint>> {
  const admin = kafka().admin();
  await admin.connect();
  try {
    return new Map(
      (await admin.fetchTopicOffsets(topic)).map(({ partition, high }) => [partition, BigInt(high)]),
    );
  } finally {
    await admin.disconnect();
  }
}

/** Every offset of the topic committed by the group: nothing pending, nothing stuck. */
export async function caughtUp(groupId: string, topic: string): Promise<boolean> {
  const [ends, committed] = await Promise.all([highWatermarks(topic), committedOffsets(groupId, topic)]);
  return [...ends].every(([partition, high]) => high === 0n || committed.get(partition) === high);
}

function textHeaders(headers: IHeaders | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers ?? {}).map(([name, value]) => [
      name,
      String(Array.isArray(value) ? value[0] : value),
    ]),
  );
}
