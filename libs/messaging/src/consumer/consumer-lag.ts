import { Logger } from '@nestjs/common';
import type { Admin } from 'kafkajs';
import { consumerLag } from '../metrics/messaging-metrics.js';

/** Messages a group has yet to commit on one partition; a group that never committed lags from the low mark. */
export function partitionLag(offsets: { high: string; low: string; committed: string }): number {
  const committed = Number(offsets.committed);
  const from = committed >= 0 ? committed : Number(offsets.low);
  return Math.max(0, Number(offsets.high) - from);
}

/** Samples a consumer group's lag into the `messaging_consumer_lag` gauge every `intervalMs`. */
export class ConsumerLagMonitor {
  private readonly logger = new Logger(ConsumerLagMonitor.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly admin: Admin,
    private readonly groupId: string,
    private readonly topics: string[],
  ) {}

  start(intervalMs: number): void {
    this.timer = setInterval(() => {
      this.measure().catch((error: Error) =>
        this.logger.warn(`could not measure consumer lag: ${error.message}`),
      );
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  async measure(): Promise<void> {
    const committed = await this.admin.fetchOffsets({ groupId: this.groupId, topics: this.topics });
    for (const { topic, partitions } of committed) {
      const ends = new Map((await this.admin.fetchTopicOffsets(topic)).map((end) => [end.partition, end]));
      for (const { partition, offset } of partitions) {
        const end = ends.get(partition);
        if (end) {
          const lag = partitionLag({ high: end.high, low: end.low, committed: offset });
          consumerLag.set({ group: this.groupId, topic, partition: String(partition) }, lag);
        }
      }
    }
  }
}
