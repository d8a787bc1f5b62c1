// Creates the platform's topics (TOPICS of @khoinghiep/contracts and their dead-letter topics) with explicit
// partition counts. Idempotent: existing topics are kept, and grown if they have fewer partitions than specified.
// Events topics are kept forever (`retention.ms=-1`, also set on topics made before): they are the record a read
// model is rebuilt from (`npm run matching:rebuild` replays `projects.events` from its first event). Dead-letter
// topics follow the broker's retention.
import kafkajs from 'kafkajs';
import { isMain } from './common.mjs';
import { DEVELOPMENT_KAFKA } from './kafka.mjs';

// kafkajs is CommonJS and `ConfigResourceTypes` is not among the names Node can import from it.
const { ConfigResourceTypes, Kafka, logLevel } = kafkajs;
const log = (message) => console.error(`[topics] ${message}`);

export async function createTopics(brokers = process.env.KAFKA_BROKERS ?? DEVELOPMENT_KAFKA.broker) {
  // Imported here, not at the top: the contracts' dist exists only once `npm run build` has run.
  const { allTopicSpecs, isDlqTopic } = await import('@khoinghiep/contracts');
  const specs = allTopicSpecs();
  const configOf = (spec) => (isDlqTopic(spec.name) ? [] : [{ name: 'retention.ms', value: '-1' }]);
  const admin = new Kafka({
    clientId: 'khoinghiep-topics',
    brokers: brokers.split(','),
    logLevel: logLevel.WARN,
  }).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = specs.filter((spec) => !existing.has(spec.name));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((spec) => ({
          topic: spec.name,
          numPartitions: spec.partitions,
          configEntries: configOf(spec),
        })),
      });
      log(`created ${missing.map((spec) => `${spec.name} (${spec.partitions})`).join(', ')}`);
    }
    const present = specs.filter((spec) => existing.has(spec.name));
    if (present.length === 0) return;
    const kept = present.filter((spec) => configOf(spec).length > 0);
    if (kept.length > 0)
      await admin.alterConfigs({
        validateOnly: false,
        resources: kept.map((spec) => ({
          type: ConfigResourceTypes.TOPIC,
          name: spec.name,
          configEntries: configOf(spec),
        })),
      });
    const { topics } = await admin.fetchTopicMetadata({ topics: present.map((spec) => spec.name) });
    const grow = present.flatMap((spec) => {
      const count = topics.find((topic) => topic.name === spec.name).partitions.length;
      return count < spec.partitions ? [{ topic: spec.name, count: spec.partitions }] : [];
    });
    if (grow.length > 0) {
      await admin.createPartitions({ topicPartitions: grow });
      log(`grew ${grow.map((topic) => `${topic.topic} to ${topic.count}`).join(', ')}`);
    }
  } finally {
    await admin.disconnect();
  }
}

if (isMain(import.meta)) {
  await createTopics();
  log('all topics present');
}
