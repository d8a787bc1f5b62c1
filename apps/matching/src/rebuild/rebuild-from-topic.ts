import { eventCatalogue, parseEnvelope, TOPICS, validatePayload } from '@khoinghiep/contracts';
import { type Admin, Kafka, logLevel } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { CATALOGUE_WRITES } from '../catalogue/catalogue-writes.js';
import { type BuiltLists, FullBuild } from '../match-index/full-build.js';
import { lockIndex } from '../match-index/index-lock.js';
import type { IndexState } from '../match-index/index-state.js';

export interface RebuildOptions {
  readonly brokers: string[];
  readonly index: IndexState;
  /** Worker threads scoring the full build (the compiled code); none: all in this thread. */
  readonly threads?: number;
  /** Progress lines for an operator. */
  readonly log?: (line: string) => void;
}

export interface RebuildReport extends BuiltLists {
  /** Events of `projects.events` read up to the marks taken at the start. */
  readonly read: number;
  /** Of those, the ones the catalogue applied (the others: older versions, invalid, or of no interest). */
  readonly applied: number;
}

/**
 * `npm run matching:rebuild` (ADR 0025): empties the catalogue and every stored list, replays `projects.events`
 * from its first event up to the end it had when the rebuild began (a consumer group of its own, committing
 * nothing), then builds every list in one pass over all pairs. All of it in one transaction holding the index
 * lock exclusively: readers see the old lists until the commit, and a running matching service's event handlers
 * and refills wait for it (their consumers keep heartbeating), then apply whatever came after those marks.
 * Refuses when the topic no longer starts at its first event (retention deleted some): the catalogue could not be
 * the same.
 */
export async function rebuildFromTopic(
  dataSource: DataSource,
  options: RebuildOptions,
): Promise<RebuildReport> {
  const log = options.log ?? (() => undefined);
  const kafka = new Kafka({
    clientId: 'matching-rebuild',
    brokers: options.brokers,
    logLevel: logLevel.WARN,
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await dataSource.transaction(async (manager) => {
      log('waiting for the match index lock…');
      await lockIndex(manager, 'exclusive');
      const ends = await replayEnds(admin, TOPICS.projects.name);
      await emptyModel(manager);
      log(`replaying ${TOPICS.projects.name} up to ${[...ends].map(([p, end]) => `${p}:${end}`).join(' ')}…`);
      const { read, applied } = await replay(kafka, admin, ends, manager, options.index.now());
      log(`${read} events read, ${applied} applied; building every list…`);
      const built = await new FullBuild(options.index).buildAll(manager, { threads: options.threads ?? 0 });
      return { read, applied, ...built };
    });
  } finally {
    await admin.disconnect();
  }
}

/** Per partition with events, the offset the replay stops before (the end when the rebuild began). */
async function replayEnds(admin: Admin, topic: string): Promise<Map<number, bigint>> {
  const ends = new Map<number, bigint>();
  for (const { partition, low, high } of await admin.fetchTopicOffsets(topic)) {
    if (BigInt(low) > 0n) {
      throw new Error(
        `${topic} partition ${partition} starts at offset ${low}: its first events are gone (retention), so the ` +
          'catalogue cannot be rebuilt from it',
      );
    }
    if (BigInt(high) > 0n) ends.set(partition, BigInt(high));
  }
  return ends;
}

async function emptyModel(manager: EntityManager): Promise<void> {
  await manager.query('DELETE FROM investor_matches');
  await manager.query('DELETE FROM project_matches');
  await manager.query('DELETE FROM match_refills');
  await manager.query('DELETE FROM catalogued_projects');
}

/** Reads each partition up to its end and applies its events in order, as the projector's catalogue writes do. */
async function replay(
  kafka: Kafka,
  admin: Admin,
  ends: Map<number, bigint>,
  manager: EntityManager,
  at: Date,
): Promise<{ read: number; applied: number }> {
  const counts = { read: 0, applied: 0 };
  if (ends.size === 0) return counts;
  const groupId = `matching-rebuild-${uuidv7()}`;
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
  const remaining = new Map(ends);
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [TOPICS.projects.name], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ partition, message }) => {
            const end = remaining.get(partition);
            if (end === undefined || BigInt(message.offset) >= end) return;
            counts.read++;
            if (await applyEvent(manager, message.value, at)) counts.applied++;
            if (BigInt(message.offset) + 1n >= end) remaining.delete(partition);
            if (remaining.size === 0) resolve();
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
    await admin.deleteGroups([groupId]).catch(() => undefined);
  }
  return counts;
}

/** Applies one message if it is a valid event the catalogue follows; answers whether it changed the catalogue. */
async function applyEvent(manager: EntityManager, value: Buffer | null, at: Date): Promise<boolean> {
  const envelope = parseEnvelope(value);
  if (!envelope.ok) return false;
  const write = CATALOGUE_WRITES.get(envelope.value.type);
  const contract = eventCatalogue.find(envelope.value.type, envelope.value.version);
  if (!write || !contract) return false;
  const payload = validatePayload(contract, envelope.value.payload, 'reader');
  if (!payload.ok) return false;
  return (await write(manager, payload.value as never, at)).applied;
}
