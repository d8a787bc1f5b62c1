import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { type Kafka, Partitioners, type Producer, type TopicMessages } from 'kafkajs';
import { type ResolvedMessagingOptions } from '../messaging.options.js';
import { MESSAGING_OPTIONS } from '../messaging.tokens.js';
import { setMaxMessageBytes } from '../outbox/outbox-writer.js';
import { createKafkaClient } from './kafka-client.js';
import { isRefusedForGood } from './kafka-errors.js';
import { ensureTopics } from './topic-provisioner.js';

const RECONNECT_DELAY_MS = 1000;

/**
 * The process's one Kafka producer, idempotent with acks=all and one request in flight per broker, so a retried
 * send neither duplicates nor reorders messages within a partition. It connects (and creates missing topics) in
 * the background from module init, retrying until the broker answers, so the app starts and takes commands
 * while Kafka is away: their events wait in the outbox. After a failed send the producer is rebuilt: an
 * idempotent producer whose send failed may be left in a fatal state (sequence numbers out of step, fenced
 * epoch) that no retry leaves; the relay resends the batch, and consumers' inboxes drop what arrives twice. A
 * message Kafka refuses (too large, invalid) leaves it as it is.
 */
@Injectable()
export class EventProducer implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(EventProducer.name);
  private readonly kafka: Kafka;
  private producer?: Producer;
  private connecting?: Promise<Producer>;
  private topicsEnsured = false;
  private readonly stopping = new AbortController();

  constructor(@Inject(MESSAGING_OPTIONS) private readonly options: ResolvedMessagingOptions) {
    this.kafka = createKafkaClient(`${options.service}-producer`, options.brokers);
    // The outbox writer checks recorded events against what this producer's broker takes.
    setMaxMessageBytes(options.maxMessageBytes);
  }

  onModuleInit(): void {
    this.connect().catch(() => undefined);
  }

  /** Resolves once connected; retries in the background until then, however often it is called. */
  connect(): Promise<void> {
    return this.connected().then(() => undefined);
  }

  /**
   * Resolves once every message is acknowledged by all in-sync replicas. Fails at once while the producer is not
   * connected (the caller retries later), so nothing waits on Kafka for longer than a send.
   */
  async send(topicMessages: TopicMessages[]): Promise<void> {
    const producer = this.producer;
    if (!producer) {
      this.connect().catch(() => undefined);
      throw new Error('the Kafka producer is not connected (yet)');
    }
    try {
      await producer.sendBatch({ topicMessages, acks: -1 });
    } catch (error) {
      // Kafka refusing a message leaves the producer sound; anything else may not have.
      if (!isRefusedForGood(error)) this.rebuild(producer, error as Error);
      throw error;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await this.connecting?.catch(() => undefined);
    await this.producer?.disconnect().catch(() => undefined);
  }

  private connected(): Promise<Producer> {
    if (this.stopping.signal.aborted) {
      return Promise.reject(new Error('the Kafka producer is shut down'));
    }
    this.connecting ??= this.connectUntilStopped();
    return this.connecting;
  }

  private async connectUntilStopped(): Promise<Producer> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.connectOnce();
      } catch (error) {
        if (this.stopping.signal.aborted) throw error;
        if (attempt === 1 || attempt % 30 === 0) {
          this.logger.warn(`Kafka unavailable, retrying in the background: ${(error as Error).message}`);
        }
        await sleep(RECONNECT_DELAY_MS, undefined, { signal: this.stopping.signal });
      }
    }
  }

  private async connectOnce(): Promise<Producer> {
    if (!this.topicsEnsured) {
      const created = await ensureTopics(
        createKafkaClient(`${this.options.service}-admin`, this.options.brokers),
        this.options.topics,
      );
      if (created.length > 0) {
        this.logger.log(`created topics ${created.join(', ')}`);
      }
      this.topicsEnsured = true;
    }
    const producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    try {
      await producer.connect();
    } catch (error) {
      await producer.disconnect().catch(() => undefined);
      throw error;
    }
    this.producer = producer;
    return producer;
  }

  private rebuild(failed: Producer, error: Error): void {
    if (this.producer !== failed) return;
    this.logger.warn(`rebuilding the Kafka producer after a failed send: ${error.name}: ${error.message}`);
    this.producer = undefined;
    this.connecting = undefined;
    failed.disconnect().catch(() => undefined);
  }
}
