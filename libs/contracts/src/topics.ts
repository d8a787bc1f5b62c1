/** A Kafka topic as the platform creates it. */
export interface TopicSpec {
  readonly name: string;
  readonly partitions: number;
}

/**
 * One events topic per producing service (identity: the gateway); partitions bound each consumer group's
 * parallelism.
 */
export const TOPICS = {
  identity: { name: 'identity.events', partitions: 6 },
  projects: { name: 'projects.events', partitions: 6 },
  funding: { name: 'funding.events', partitions: 6 },
  matching: { name: 'matching.events', partitions: 6 },
  training: { name: 'training.events', partitions: 6 },
} as const satisfies Record<string, TopicSpec>;

/** Dead letters are rare; a few partitions are plenty. */
export const DLQ_PARTITIONS = 3;

const DLQ_SUFFIX = '.dlq';

export function dlqTopicOf(topic: string): string {
  if (isDlqTopic(topic)) {
    throw new Error(`${topic} is already a dead-letter topic`);
  }
  return `${topic}${DLQ_SUFFIX}`;
}

export function isDlqTopic(topic: string): boolean {
  return topic.endsWith(DLQ_SUFFIX);
}

/** The topic a dead-letter topic collects for. */
export function originalTopicOf(dlqTopic: string): string {
  if (!isDlqTopic(dlqTopic)) {
    throw new Error(`${dlqTopic} is not a dead-letter topic`);
  }
  return dlqTopic.slice(0, -DLQ_SUFFIX.length);
}

/** A topic and its dead-letter topic, ready for `admin.createTopics`. */
export function withDeadLetterTopic(topic: TopicSpec): TopicSpec[] {
  return [topic, { name: dlqTopicOf(topic.name), partitions: DLQ_PARTITIONS }];
}

/** Every topic the platform needs: the events topics of TOPICS and their dead-letter topics. */
export function allTopicSpecs(): TopicSpec[] {
  return Object.values(TOPICS).flatMap(withDeadLetterTopic);
}
