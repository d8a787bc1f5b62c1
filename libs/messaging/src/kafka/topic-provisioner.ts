import { setTimeout as sleep } from 'node:timers/promises';
import type { TopicSpec } from '@khoinghiep/contracts';
import type { Admin, Kafka } from 'kafkajs';

const LEADER_WAIT_MS = 30_000;

/** Creates the topics that do not exist yet, and waits until every partition of them has a leader. */
export async function ensureTopics(kafka: Kafka, topics: TopicSpec[]): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = uniqueByName(topics).filter((topic) => !existing.has(topic.name));
    if (missing.length > 0) {
      // Returns false instead of failing when another process created them meanwhile.
      await admin.createTopics({
        topics: missing.map((topic) => ({ topic: topic.name, numPartitions: topic.partitions })),
      });
      await untilLed(
        admin,
        missing.map((topic) => topic.name),
      );
    }
    return missing.map((topic) => topic.name);
  } finally {
    await admin.disconnect();
  }
}

/**
 * kafkajs's own `waitForLeaders` retries only LEADER_NOT_AVAILABLE, while a broker that has not yet loaded a new
 * topic's metadata answers UNKNOWN_TOPIC_OR_PARTITION (retriable too): wait through any retriable answer.
 */
async function untilLed(admin: Admin, names: string[]): Promise<void> {
  const deadline = Date.now() + LEADER_WAIT_MS;
  for (;;) {
    try {
      const { topics } = await admin.fetchTopicMetadata({ topics: names });
      if (topics.every((topic) => topic.partitions.every((partition) => partition.leader >= 0))) return;
    } catch (error) {
      if (!isRetriable(error) || Date.now() > deadline) throw error;
    }
    if (Date.now() > deadline)
      throw new Error(`topics ${names.join(', ')} have no leader after ${LEADER_WAIT_MS} ms`);
    await sleep(100);
  }
}

const isRetriable = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { retriable?: unknown }).retriable === true;

function uniqueByName(topics: TopicSpec[]): TopicSpec[] {
  return [...new Map(topics.map((topic) => [topic.name, topic])).values()];
}
