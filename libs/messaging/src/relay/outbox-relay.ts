import { setTimeout as sleep } from 'node:timers/promises';
import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { TopicMessages } from 'kafkajs';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { eventHeaders } from '../kafka/event-headers.js';
import { EventProducer } from '../kafka/event-producer.js';
import { isRefusedForGood, kafkaErrorText } from '../kafka/kafka-errors.js';
import type { ResolvedMessagingOptions } from '../messaging.options.js';
import { MESSAGING_OPTIONS } from '../messaging.tokens.js';
import { parkedEvents, publishedEvents, reportOutboxBacklog } from '../metrics/messaging-metrics.js';
import { OUTBOX_CHANNEL, OutboxSignal } from './outbox-signal.js';
import {
  configureRelayConnection,
  fetchPending,
  markPublished,
  type OutboxBacklog,
  outboxBacklog,
  type PendingEvent,
  parkEvent,
  type Query,
} from './outbox-store.js';
import { relayConnectionConfig } from './relay-connection.js';

/** Advisory lock key: one per database, so one leader per service whatever the number of its processes. */
const LEADER_LOCK = 'khoinghiep.outbox-relay';

/**
 * Publishes committed outbox rows to Kafka in `seq` order, then marks them published. Every process of a service
 * runs one; the one holding a PostgreSQL advisory lock (on a connection of its own) publishes, the others wait
 * on that lock and take over the moment the leader's connection ends. A crash between publishing and marking
 * publishes those rows again: at-least-once, which consumers' inboxes turn into exactly-once effects.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private stopping = false;
  private running?: Promise<void>;
  private connection?: pg.Client;
  private leading = false;
  private stopReporting?: () => void;
  private readonly query: Query = (sql, parameters) => this.dataSource.query(sql, parameters);

  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: EventProducer,
    private readonly signal: OutboxSignal,
    @Inject(MESSAGING_OPTIONS) private readonly options: ResolvedMessagingOptions,
  ) {}

  onApplicationBootstrap(): void {
    this.stopReporting = reportOutboxBacklog(this.options.service, () => this.backlog());
    if (this.options.relay.enabled) {
      this.running = this.runUntilStopped();
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.stopReporting?.();
    this.signal.wake();
    // Ends a wait for the lock at once; a leader finishes the batch in hand first.
    if (!this.leading) {
      await this.connection?.end().catch(() => undefined);
    }
    await this.running;
  }

  isLeading(): boolean {
    return this.leading;
  }

  /** Events committed but not yet published (parked ones aside), the oldest one's age, and parked ones. */
  backlog(): Promise<OutboxBacklog> {
    return outboxBacklog(this.query);
  }

  private async runUntilStopped(): Promise<void> {
    while (!this.stopping) {
      try {
        await this.leadWhenElected();
      } catch (error) {
        if (!this.stopping) {
          this.logger.warn(`outbox relay interrupted, retrying: ${(error as Error).message}`);
          await sleep(this.options.relay.retryDelayMs);
        }
      }
    }
  }

  private async leadWhenElected(): Promise<void> {
    const connection = new pg.Client(relayConnectionConfig(this.dataSource));
    this.connection = connection;
    connection.on('error', (error) => this.logger.warn(`outbox relay connection: ${error.message}`));
    connection.on('notification', () => this.signal.wake());
    try {
      await connection.connect();
      await configureRelayConnection(connection);
      await connection.query('SELECT pg_advisory_lock(hashtext($1))', [LEADER_LOCK]);
      if (this.stopping) {
        return;
      }
      await connection.query(`LISTEN ${OUTBOX_CHANNEL}`);
      this.setLeading(true);
      await this.publishUntilStopped(connection);
    } finally {
      this.setLeading(false);
      this.connection = undefined;
      await connection.end().catch(() => undefined);
    }
  }

  private setLeading(leading: boolean): void {
    if (leading !== this.leading) {
      this.logger.log(leading ? 'leading the outbox relay' : 'no longer leading the outbox relay');
    }
    this.leading = leading;
    this.signal.setLeading(leading);
  }

  // Marking a batch published runs on a pooled connection while the next batch is read and sent, so it stays
  // off the path of every event; rows whose marking is under way are left out of the next reads. A failed
  // marking only means those rows go out again. A failed send keeps the lead and tries again after a pause.
  private async publishUntilStopped(connection: pg.Client): Promise<void> {
    const { batchSize, pollIntervalMs, retryDelayMs } = this.options.relay;
    const sentNotMarked = new Set<string>();
    let marking: Promise<void> = Promise.resolve();
    let failedSends = 0;
    try {
      while (!this.stopping) {
        this.signal.clear();
        const events = await fetchPending(connection, batchSize, [...sentNotMarked]);
        if (events.length > 0) {
          let sent: PendingEvent[];
          try {
            sent = await this.publish(events);
          } catch (error) {
            // Once a second while the broker is away: the first failure and every 60th tell the story.
            if (failedSends++ % 60 === 0) {
              this.logger.warn(
                `could not publish ${events.length} events, retrying: ${kafkaErrorText(error)}`,
              );
            }
            await sleep(retryDelayMs);
            continue;
          }
          if (failedSends > 0) {
            this.logger.log(`publishing again after ${failedSends} failed attempts`);
            failedSends = 0;
          }
          this.countPublished(sent);
          await marking;
          for (const event of sent) sentNotMarked.add(event.seq);
          marking = markPublished(this.query, sent)
            .catch((error: Error) => this.logger.warn(`could not mark events published: ${error.message}`))
            .finally(() => {
              for (const event of sent) sentNotMarked.delete(event.seq);
            });
        }
        if (events.length < batchSize) {
          await this.signal.wait(pollIntervalMs);
        }
      }
    } finally {
      await marking;
    }
  }

  /** Sends the batch; if Kafka refuses a message in it for good, sends it one by one to set that one aside. */
  private async publish(events: PendingEvent[]): Promise<PendingEvent[]> {
    try {
      await this.producer.send(toTopicMessages(events));
      return events;
    } catch (error) {
      if (!isRefusedForGood(error)) throw error;
      return this.publishOneByOne(events);
    }
  }

  /**
   * Parks each event Kafka refuses; the later events of its key stay where they are, behind it (fetchPending
   * leaves them out until it is released), while other keys go on.
   */
  private async publishOneByOne(events: PendingEvent[]): Promise<PendingEvent[]> {
    const sent: PendingEvent[] = [];
    const blocked = new Set<string>();
    for (const event of events) {
      const lane = `${event.topic}\u0000${event.key}`;
      if (blocked.has(lane)) continue;
      try {
        await this.producer.send(toTopicMessages([event]));
        sent.push(event);
      } catch (error) {
        if (!isRefusedForGood(error)) {
          if (sent.length === 0) throw error;
          return sent;
        }
        blocked.add(lane);
        const reason = kafkaErrorText(error);
        await parkEvent(this.query, event, reason);
        parkedEvents.inc({ service: this.options.service, topic: event.topic });
        this.logger.error(
          `Kafka refused ${event.type} ${event.id} (key ${event.key}) for good, parked it: ${reason}. ` +
            'Later events of its key wait; release it with `npm run outbox:release`.',
        );
      }
    }
    return sent;
  }

  private countPublished(events: PendingEvent[]): void {
    const byTopic = new Map<string, number>();
    for (const { topic } of events) {
      byTopic.set(topic, (byTopic.get(topic) ?? 0) + 1);
    }
    for (const [topic, count] of byTopic) {
      publishedEvents.inc({ service: this.options.service, topic }, count);
    }
  }
}

/** Kafka messages in `seq` order per topic; the idempotent producer keeps that order within each partition. */
export function toTopicMessages(events: PendingEvent[]): TopicMessages[] {
  const byTopic = new Map<string, TopicMessages>();
  for (const event of events) {
    const topicMessages = byTopic.get(event.topic) ?? { topic: event.topic, messages: [] };
    topicMessages.messages.push({ key: event.key, value: event.envelope, headers: eventHeaders(event) });
    byTopic.set(event.topic, topicMessages);
  }
  return [...byTopic.values()];
}
