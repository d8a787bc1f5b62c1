import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Partitioners, type Producer, type TopicMessages } from 'kafkajs';
import { type ResolvedMessagingOptions } from '../messaging.options.js';
import { MESSAGING_OPTIONS } from '../messaging.tokens.js';
import { createKafkaClient } from './kafka-client.js';
import { ensureTopics } from './topic-provisioner.js';

/**
 * The process's one Kafka producer, idempotent with acks=all and one request in flight per broker, so a retried
 * send neither duplicates nor reorders messages within a partition. Connected (and the topics created) during
 * module init, so nothing can publish through it before it is ready.
 */
@Injectable()
export class EventProducer implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(EventProducer.name);
  private readonly producer: Producer;
  private connected = false;
  private connecting?: Promise<void>;

  constructor(@Inject(MESSAGING_OPTIONS) private readonly options: ResolvedMessagingOptions) {
    const kafka = createKafkaClient(`${options.service}-producer`, options.brokers);
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  onModuleInit(): Promise<void> {
    return this.connect();
  }

  /** Creates the configured topics that are missing, then connects; once, however often it is called. */
  connect(): Promise<void> {
    this.connecting ??= (async () => {
      const kafka = createKafkaClient(`${this.options.service}-admin`, this.options.brokers);
      const created = await ensureTopics(kafka, this.options.topics);
      if (created.length > 0) {
        this.logger.log(`created topics ${created.join(', ')}`);
      }
      await this.producer.connect();
      this.connected = true;
    })();
    return this.connecting;
  }

  /** Resolves once every message is acknowledged by all in-sync replicas. */
  async send(topicMessages: TopicMessages[]): Promise<void> {
    if (!this.connected) {
      throw new Error('the Kafka producer is not connected');
    }
    await this.producer.sendBatch({ topicMessages, acks: -1 });
  }

  async onApplicationShutdown(): Promise<void> {
    this.connected = false;
    await this.connecting?.catch(() => undefined);
    await this.producer.disconnect();
  }
}
