import type { TopicSpec } from '@khoinghiep/contracts';
import type { Kafka } from 'kafkajs';

/** Creates the topics that do not exist yet; existing ones are left as they are. */
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
        waitForLeaders: true,
      });
    }
    return missing.map((topic) => topic.name);
  } finally {
    await admin.disconnect();
  }
}

function uniqueByName(topics: TopicSpec[]): TopicSpec[] {
  return [...new Map(topics.map((topic) => [topic.name, topic])).values()];
}
