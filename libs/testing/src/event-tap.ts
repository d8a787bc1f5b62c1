import { type Consumer, Kafka, logLevel } from 'kafkajs';
import { v7 as uuidv7 } from 'uuid';

export interface TappedEvent {
  key: string | null;
  partition: number;
  headers: Record<string, string>;
  envelope: Record<string, unknown> & { id: string; type: string; aggregateId: string };
}

/**
 * A real Kafka consumer on a topic (fresh group, from the beginning) that keeps every event it reads, so tests can
 * wait for the events of the aggregates they created and then count them.
 */
export class EventTap {
  readonly events: TappedEvent[] = [];
  private consumer?: Consumer;

  constructor(
    private readonly topic: string,
    private readonly brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
  ) {}

  async start(): Promise<void> {
    const kafka = new Kafka({
      clientId: 'projects-event-tap',
      brokers: this.brokers,
      logLevel: logLevel.NOTHING,
    });
    this.consumer = kafka.consumer({ groupId: `projects-tap-${uuidv7()}`, maxWaitTimeInMs: 100 });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [this.topic], fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ partition, message }) => {
        const headers = Object.fromEntries(
          Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)]),
        );
        this.events.push({
          key: message.key?.toString() ?? null,
          partition,
          headers,
          envelope: JSON.parse(message.value?.toString() ?? 'null'),
        });
      },
    });
  }

  of(aggregateId: string): TappedEvent[] {
    return this.events.filter((event) => event.envelope.aggregateId === aggregateId);
  }

  /**
   * Waits until `aggregateId` has at least `count` events, then a little longer so that a duplicate would show,
   * and returns them in the order read.
   */
  async waitFor(
    aggregateId: string,
    count: number,
    timeoutMs = 20_000,
    settleMs = 1500,
  ): Promise<TappedEvent[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.of(aggregateId).length < count) {
      if (Date.now() > deadline) {
        throw new Error(`expected ${count} events of ${aggregateId}, got ${this.of(aggregateId).length}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await new Promise((resolve) => setTimeout(resolve, settleMs));
    return this.of(aggregateId);
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
