import { isDlqTopic, originalTopicOf } from '@khoinghiep/contracts';
import { type Admin, type KafkaMessage, Partitioners } from 'kafkajs';
import { v7 as uuidv7 } from 'uuid';
import { DLQ_HEADERS, originalHeadersOf } from '../consumer/dead-letter.js';
import { headerText } from '../kafka/event-headers.js';
import { createKafkaClient } from '../kafka/kafka-client.js';

export interface ReplayRequest {
  brokers: string[];
  /** A dead-letter topic, e.g. `projects.events.dlq`. */
  dlqTopic: string;
  /** Replay only this event (read through the whole topic, committing nothing). */
  eventId?: string;
  /** The group whose committed offsets mark what was replayed already. */
  groupId?: string;
  timeoutMs?: number;
}

export interface ReplayReport {
  replayed: string[];
  skipped: number;
}

export const DEFAULT_REPLAY_GROUP = 'khoinghiep.dlq-replay';

/**
 * Republishes dead letters to the topic they came from, unchanged apart from the `dlq-*` headers. The event keeps
 * its id, so every consumer that already applied it skips it (inbox) and only the one that failed applies it.
 * A full replay reads as its own consumer group and commits as it goes, so each dead letter is replayed once;
 * it stops at the end the topic had when the replay began.
 */
export async function replayDeadLetters(request: ReplayRequest): Promise<ReplayReport> {
  if (!isDlqTopic(request.dlqTopic)) {
    throw new Error(`${request.dlqTopic} is not a dead-letter topic`);
  }
  const byId = request.eventId !== undefined;
  const groupId = byId
    ? `${request.groupId ?? DEFAULT_REPLAY_GROUP}.by-id.${uuidv7()}`
    : (request.groupId ?? DEFAULT_REPLAY_GROUP);
  const kafka = createKafkaClient('dlq-replay', request.brokers);
  const admin = kafka.admin();
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
  const report: ReplayReport = { replayed: [], skipped: 0 };
  await admin.connect();
  try {
    const ends = await replayRange(admin, request.dlqTopic, byId ? undefined : groupId);
    if (ends.size === 0) {
      return report;
    }
    await producer.connect();
    await consumer.connect();
    await consumer.subscribe({ topics: [request.dlqTopic], fromBeginning: true });
    const finished = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`replay of ${request.dlqTopic} did not finish in time`)),
        request.timeoutMs ?? 60_000,
      );
      consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ partition, message }) => {
            const end = ends.get(partition);
            if (end === undefined || BigInt(message.offset) >= end) {
              return; // arrived after the replay began
            }
            if (!byId || eventIdOf(message) === request.eventId) {
              await producer.send({
                topic:
                  headerText(message.headers, DLQ_HEADERS.originalTopic) ?? originalTopicOf(request.dlqTopic),
                messages: [
                  { key: message.key, value: message.value, headers: originalHeadersOf(message.headers) },
                ],
                acks: -1,
              });
              report.replayed.push(eventIdOf(message) ?? `${partition}@${message.offset}`);
            } else {
              report.skipped++;
            }
            const next = BigInt(message.offset) + 1n;
            if (!byId) {
              await consumer.commitOffsets([{ topic: request.dlqTopic, partition, offset: next.toString() }]);
            }
            if (next >= end) {
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
    await finished;
    return report;
  } finally {
    await consumer.disconnect();
    await producer.disconnect();
    if (byId) {
      await admin.deleteGroups([groupId]).catch(() => undefined);
    }
    await admin.disconnect();
  }
}

/** Per partition, the offset the replay stops before; only partitions with something left to replay. */
async function replayRange(
  admin: Admin,
  topic: string,
  groupId: string | undefined,
): Promise<Map<number, bigint>> {
  const offsets = await admin.fetchTopicOffsets(topic);
  const committed = new Map<number, bigint>();
  if (groupId) {
    const [group] = await admin.fetchOffsets({ groupId, topics: [topic] });
    for (const { partition, offset } of group?.partitions ?? []) {
      committed.set(partition, BigInt(offset));
    }
  }
  const ends = new Map<number, bigint>();
  for (const { partition, high, low } of offsets) {
    const from = (committed.get(partition) ?? -1n) >= 0n ? (committed.get(partition) as bigint) : BigInt(low);
    if (from < BigInt(high)) {
      ends.set(partition, BigInt(high));
    }
  }
  return ends;
}

function eventIdOf(message: KafkaMessage): string | undefined {
  const fromHeader = headerText(message.headers, 'event-id');
  if (fromHeader) {
    return fromHeader;
  }
  try {
    const value: unknown = JSON.parse(message.value?.toString() ?? '');
    return typeof value === 'object' && value !== null && 'id' in value ? String(value.id) : undefined;
  } catch {
    return undefined; // a malformed dead letter has no id to match
  }
}
