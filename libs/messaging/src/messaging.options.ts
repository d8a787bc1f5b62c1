import { allTopicSpecs, type TopicSpec } from '@khoinghiep/contracts';

export interface RetryPolicy {
  /** Handler attempts before the event goes to the dead-letter topic. */
  maxAttempts: number;
  initialDelayMs: number;
  multiplier: number;
  maxDelayMs: number;
}

export interface RelayOptions {
  /** Off in processes that only consume; another process of the service then relays. */
  enabled: boolean;
  /** Outbox rows published per Kafka request. */
  batchSize: number;
  /** Safety net for a lost wake-up; commits normally wake the relay at once. */
  pollIntervalMs: number;
  /** Pause after a failed publish or a lost database connection. */
  retryDelayMs: number;
}

export interface ConsumerOptions {
  /** Consumer group; also the `consumer` column of the inbox. */
  groupId: string;
  retry: RetryPolicy;
  /** Kafka's default (5 s) holds a fetch open when a partition is idle and adds that to latency. */
  maxWaitTimeInMs: number;
  sessionTimeout: number;
  heartbeatInterval: number;
  partitionsConsumedConcurrently: number;
  /** A new group reads what its topics already hold; the inbox makes that harmless. */
  fromBeginning: boolean;
  /** Upper bound on how long processed offsets stay uncommitted. */
  commitIntervalMs: number;
  /**
   * Events of one partition applied in one database transaction (one commit for all their inbox rows and
   * effects). If a handler fails, the transaction is rolled back and those events are applied one by one.
   */
  maxEventsPerTransaction: number;
  lagIntervalMs: number;
}

/**
 * How long bookkeeping rows are kept. Inbox rows must outlive every way an event can come again (topic retention,
 * DLQ replay), or a redelivery would be applied a second time.
 */
export interface RetentionOptions {
  /** Days a published outbox row is kept (for inspection) before it is deleted. */
  publishedOutboxDays: number;
  /** Days an inbox row is kept; longer than the topics' retention and the dead-letter replay window. */
  inboxDays: number;
  /** How often the old rows are deleted. */
  intervalMs: number;
}

export interface MessagingOptions {
  /** The service's name: Kafka client id, default consumer group, `service` label of the metrics. */
  service: string;
  /** Defaults to KAFKA_BROKERS (comma-separated), else 127.0.0.1:9092. */
  brokers?: string[];
  /** Topics to create at boot when missing; defaults to every events topic and its dead-letter topic. */
  topics?: TopicSpec[];
  /**
   * Largest message the broker takes: recording a larger event fails its command. Defaults to
   * KAFKA_MAX_MESSAGE_BYTES, else 1,000,000 (Kafka's `message.max.bytes` is 1 MiB less overhead by default).
   */
  maxMessageBytes?: number;
  relay?: Partial<RelayOptions>;
  consumer?: Partial<Omit<ConsumerOptions, 'retry'>> & { retry?: Partial<RetryPolicy> };
  retention?: Partial<RetentionOptions>;
}

export interface ResolvedMessagingOptions {
  service: string;
  brokers: string[];
  topics: TopicSpec[];
  maxMessageBytes: number;
  relay: RelayOptions;
  consumer: ConsumerOptions;
  retention: RetentionOptions;
}

export function resolveMessagingOptions(
  options: MessagingOptions,
  env: NodeJS.ProcessEnv = process.env,
): ResolvedMessagingOptions {
  const brokers = options.brokers ?? (env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',').map((b) => b.trim());
  return {
    service: options.service,
    brokers: brokers.filter((broker) => broker.length > 0),
    topics: options.topics ?? allTopicSpecs(),
    maxMessageBytes: options.maxMessageBytes ?? Number(env.KAFKA_MAX_MESSAGE_BYTES || 1_000_000),
    relay: {
      enabled: true,
      batchSize: 500,
      pollIntervalMs: 1000,
      retryDelayMs: 1000,
      ...options.relay,
    },
    consumer: {
      groupId: options.service,
      maxWaitTimeInMs: 100,
      sessionTimeout: 30_000,
      heartbeatInterval: 3000,
      partitionsConsumedConcurrently: 6,
      fromBeginning: true,
      commitIntervalMs: 1000,
      maxEventsPerTransaction: 100,
      lagIntervalMs: 10_000,
      ...options.consumer,
      retry: {
        maxAttempts: 5,
        initialDelayMs: 200,
        multiplier: 2,
        maxDelayMs: 5000,
        ...options.consumer?.retry,
      },
    },
    retention: { publishedOutboxDays: 7, inboxDays: 30, intervalMs: 60 * 60 * 1000, ...options.retention },
  };
}
