import { type Admin, type Consumer, Kafka, logLevel } from 'kafkajs';
import { v7 as uuidv7 } from 'uuid';

export interface TappedEvent {
  key: string | null;
  partition: number;
  headers: Record<string, string>;
  envelope: Record<string, unknown> & { id: string; type: string; aggregateId: string };
}

const POLL_MS = 20;

/**
 * A real Kafka consumer on a topic (fresh group, from the beginning) that keeps every event it reads, so tests can
 * wait for the events of the aggregates they created and then count them. Counting is exact because the tap first
 * reads the topic up to its high-water mark: whatever was on the topic then (a duplicate included) has been read.
 */
export class EventTap {
  readonly events: TappedEvent[] = [];
  private consumer?: Consumer;
  private admin?: Admin;
  /** Per partition, the offset after the last message read. */
  private readonly readUpTo = new Map<number, bigint>();

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
    this.admin = kafka.admin();
    await this.admin.connect();
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
        this.readUpTo.set(partition, BigInt(message.offset) + 1n);
      },
    });
  }

  of(aggregateId: string): TappedEvent[] {
    return this.events.filter((event) => event.envelope.aggregateId === aggregateId);
  }

  /**
   * Waits until `aggregateId` has at least `count` events, then reads the topic up to its high-water mark (so a
   * duplicate already published would show), and returns them in the order read.
   */
  async waitFor(aggregateId: string, count: number, timeoutMs = 20_000): Promise<TappedEvent[]> {
    await until(
      () => this.of(aggregateId).length >= count,
      timeoutMs,
      () => `expected ${count} events of ${aggregateId}, got ${this.of(aggregateId).length}`,
    );
    await this.readToEnd(timeoutMs);
    return this.of(aggregateId);
  }

  /**
   * Reads everything on the topic now: its end offsets, then until the tap has consumed up to them. After it, an
   * event not in `events` was not on the topic when it was called ("nothing was published" without a fixed wait).
   */
  async readToEnd(timeoutMs = 20_000): Promise<void> {
    if (!this.admin) throw new Error('EventTap.start() first');
    const ends = await this.admin.fetchTopicOffsets(this.topic);
    const behind = () =>
      ends.filter(({ partition, high }) => (this.readUpTo.get(partition) ?? 0n) < BigInt(high));
    await until(
      () => behind().length === 0,
      timeoutMs,
      () =>
        `the tap did not reach the end of ${this.topic} (partitions ${behind().map((end) => end.partition)})`,
    );
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    await this.admin?.disconnect();
  }
}

async function until(condition: () => boolean, timeoutMs: number, failure: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(failure());
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
