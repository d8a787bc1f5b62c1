import { setTimeout as sleep } from 'node:timers/promises';
import { eventCatalogue, TOPICS, type TopicSpec, withDeadLetterTopic } from '@khoinghiep/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { type CustomTransportStrategy, type MessageHandler, Server } from '@nestjs/microservices';
import type { EachBatchPayload, KafkaMessage, Message } from 'kafkajs';
import { isObservable, lastValueFrom } from 'rxjs';
import { EventProducer } from '../kafka/event-producer.js';
import { createKafkaClient } from '../kafka/kafka-client.js';
import { ensureTopics } from '../kafka/topic-provisioner.js';
import type { ResolvedMessagingOptions } from '../messaging.options.js';
import { MESSAGING_OPTIONS } from '../messaging.tokens.js';
import { consumedEvents, deadLetters } from '../metrics/messaging-metrics.js';
import { UnitOfWork } from '../outbox/unit-of-work.js';
import { ConsumerLagMonitor } from './consumer-lag.js';
import { type ConsumerEvents, ConsumerSupervisor, type StartedConsumer } from './consumer-supervisor.js';
import { DLQ_HEADERS } from './dead-letter.js';
import type { EventContext } from './event-context.js';
import { type EventHandlerInvoker, EventProcessor } from './event-processor.js';

/**
 * The Nest transport for domain events: app handlers are plain `@EventPattern('<event type>')` methods. It
 * subscribes to the topics of the contracts those patterns name, and commits each offset only once the event is
 * applied (inbox and effects committed) or dead-lettered, so a failing handler never stalls its partition and
 * never loses an event.
 */
@Injectable()
export class KafkaEventServer extends Server implements CustomTransportStrategy {
  protected override readonly logger = new Logger(KafkaEventServer.name);
  private supervisor?: ConsumerSupervisor;
  private readonly stopping = new AbortController();
  private readonly processor: EventProcessor;
  private readonly invokers = new Map<string, EventHandlerInvoker | undefined>();

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: ResolvedMessagingOptions,
    unitOfWork: UnitOfWork,
    private readonly producer: EventProducer,
  ) {
    super();
    this.processor = new EventProcessor({
      consumerGroup: options.consumer.groupId,
      retry: options.consumer.retry,
      catalogue: eventCatalogue,
      unitOfWork,
      handlerFor: (type) => this.invokerFor(type),
      publishDeadLetter: (topic, message) => this.publishDeadLetter(topic, message),
      pause: (ms) => sleep(ms, undefined, { signal: this.stopping.signal }),
    });
  }

  /**
   * Starts consuming in the background and returns at once: the app serves requests while the broker is away,
   * and the consumer joins its group whenever the broker answers.
   */
  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      const topics = this.subscribedTopics();
      if (topics.length === 0) {
        this.logger.log('no @EventPattern handlers: not consuming');
      } else {
        this.supervisor = new ConsumerSupervisor(
          this.options.consumer.groupId,
          this.stopping.signal,
          (events) => this.start(topics, events),
        );
        this.supervisor.run();
      }
      callback();
    } catch (error) {
      callback(error);
    }
  }

  /** Resolves once the consumer has first joined its group (and so has partitions to read). */
  whenJoined(): Promise<void> {
    return this.supervisor?.joined ?? Promise.reject(new Error('the event consumer is not listening'));
  }

  /** Whether the consumer is in its group and consuming now. */
  isRunning(): boolean {
    return this.supervisor?.state === 'running';
  }

  async close(): Promise<void> {
    this.stopping.abort();
    // Waits for the message in hand; its offset is committed only if it was finished.
    await this.supervisor?.stop();
  }

  on(): never {
    throw new Error('KafkaEventServer has no events to listen to');
  }

  unwrap<T>(): T {
    const consumer = this.supervisor?.consumer;
    if (!consumer) {
      throw new Error('the event consumer is not listening');
    }
    return consumer as unknown as T;
  }

  /** One consumer, connected, subscribed and running; the supervisor makes a new one if this one gives up. */
  private async start(topics: TopicSpec[], events: ConsumerEvents): Promise<StartedConsumer> {
    const { consumer: settings, service, brokers } = this.options;
    const kafka = createKafkaClient(`${service}-consumer`, brokers);
    await ensureTopics(kafka, topics.flatMap(withDeadLetterTopic));
    await this.producer.connect();

    const consumer = kafka.consumer({
      groupId: settings.groupId,
      sessionTimeout: settings.sessionTimeout,
      heartbeatInterval: settings.heartbeatInterval,
      maxWaitTimeInMs: settings.maxWaitTimeInMs,
      allowAutoTopicCreation: false,
    });
    events.watch(consumer);
    const admin = kafka.admin();
    try {
      await consumer.connect();
      await consumer.subscribe({
        topics: topics.map((topic) => topic.name),
        fromBeginning: settings.fromBeginning,
      });
      await consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: settings.partitionsConsumedConcurrently,
        eachBatch: (batch) => this.consumeBatch(batch),
      });
      await admin.connect();
    } catch (error) {
      await consumer.disconnect().catch(() => undefined);
      await admin.disconnect().catch(() => undefined);
      throw error;
    }
    const lagMonitor = new ConsumerLagMonitor(
      admin,
      settings.groupId,
      topics.map((topic) => topic.name),
    );
    lagMonitor.start(settings.lagIntervalMs);
    this.logger.log(`consuming ${topics.map((topic) => topic.name).join(', ')} as ${settings.groupId}`);
    return {
      consumer,
      stop: async () => {
        lagMonitor.stop();
        await consumer.disconnect();
        await admin.disconnect().catch(() => undefined);
      },
    };
  }

  private async consumeBatch(payload: EachBatchPayload): Promise<void> {
    const {
      batch,
      resolveOffset,
      heartbeat,
      commitOffsetsIfNecessary,
      uncommittedOffsets,
      isRunning,
      isStale,
    } = payload;
    const { groupId, commitIntervalMs, maxEventsPerTransaction } = this.options.consumer;
    let lastCommit = Date.now();
    for (let start = 0; start < batch.messages.length; start += maxEventsPerTransaction) {
      if (!isRunning() || isStale()) {
        break;
      }
      const messages = batch.messages.slice(start, start + maxEventsPerTransaction);
      const outcomes = await this.whileHeartbeating(heartbeat, () =>
        this.processor.process(
          messages.map((message) => ({
            topic: batch.topic,
            partition: batch.partition,
            offset: message.offset,
            timestamp: message.timestamp,
            key: message.key,
            value: message.value,
            headers: message.headers ?? {},
          })),
        ),
      );
      for (const outcome of outcomes) {
        consumedEvents.inc({ group: groupId, topic: batch.topic, outcome });
      }
      resolveOffset((messages[messages.length - 1] as KafkaMessage).offset);
      if (Date.now() - lastCommit >= commitIntervalMs) {
        await commitOffsetsIfNecessary(uncommittedOffsets());
        lastCommit = Date.now();
      }
    }
    await commitOffsetsIfNecessary(uncommittedOffsets());
  }

  // kafkajs heartbeats only between messages; a handler longer than the session timeout would otherwise get
  // the member evicted and its partitions (and this very message) handed to another member.
  private async whileHeartbeating<T>(heartbeat: () => Promise<void>, work: () => Promise<T>): Promise<T> {
    const timer = setInterval(() => {
      heartbeat().catch((error: Error) => this.logger.debug(`heartbeat failed: ${error.message}`));
    }, this.options.consumer.heartbeatInterval);
    try {
      return await work();
    } finally {
      clearInterval(timer);
    }
  }

  private subscribedTopics(): TopicSpec[] {
    const names = new Set<string>();
    for (const pattern of this.messageHandlers.keys()) {
      const topic = eventCatalogue.topicOf(pattern);
      if (!topic) {
        throw new Error(`@EventPattern('${pattern}') names no event defined with defineEvent`);
      }
      names.add(topic);
    }
    const known = new Map<string, TopicSpec>(Object.values(TOPICS).map((topic) => [topic.name, topic]));
    const configured = new Map(this.options.topics.map((topic) => [topic.name, topic]));
    return [...names].map((name) => configured.get(name) ?? known.get(name) ?? { name, partitions: 6 });
  }

  private invokerFor(type: string): EventHandlerInvoker | undefined {
    // Cached: Nest's pattern lookup parses every pattern as JSON first, and throws for each plain string.
    if (!this.invokers.has(type)) {
      const first = this.getHandlerByPattern(type);
      this.invokers.set(type, first ? chainOf(first) : undefined);
    }
    return this.invokers.get(type);
  }

  private async publishDeadLetter(topic: string, message: Message): Promise<void> {
    await this.producer.send([{ topic, messages: [message] }]);
    const reason = String(message.headers?.[DLQ_HEADERS.reason] ?? 'unknown');
    const original = String(message.headers?.[DLQ_HEADERS.originalTopic] ?? topic);
    deadLetters.inc({ group: this.options.consumer.groupId, topic: original, reason });
  }
}

/** Several handlers of one type in one app run in turn, in the same transaction. */
function chainOf(first: MessageHandler): EventHandlerInvoker {
  return async (payload: object, context: EventContext) => {
    for (let handler: MessageHandler | undefined = first; handler; handler = handler.next as MessageHandler) {
      const result: unknown = await handler(payload, context);
      if (isObservable(result)) {
        await lastValueFrom(result, { defaultValue: undefined });
      }
    }
  };
}
