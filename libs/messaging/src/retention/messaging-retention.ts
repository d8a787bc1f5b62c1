import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ResolvedMessagingOptions } from '../messaging.options.js';
import { MESSAGING_OPTIONS } from '../messaging.tokens.js';

/** Rows deleted per statement, so a large backlog of old rows never holds locks or bloats one transaction. */
const BATCH = 5000;

const PRUNE_OUTBOX = `
  WITH doomed AS (
    SELECT id FROM outbox_event
    WHERE published_at < now() - make_interval(days => $1)
    LIMIT $2)
  DELETE FROM outbox_event o USING doomed WHERE o.id = doomed.id`;

const PRUNE_INBOX = `
  WITH doomed AS (
    SELECT consumer, event_id FROM inbox_event
    WHERE processed_at < now() - make_interval(days => $1)
    LIMIT $2)
  DELETE FROM inbox_event i USING doomed WHERE i.consumer = doomed.consumer AND i.event_id = doomed.event_id`;

export interface PrunedRows {
  outbox: number;
  inbox: number;
}

/**
 * Keeps the outbox and the inbox from growing for ever: deletes published outbox rows and inbox rows older than
 * their retention. Unpublished outbox rows are never touched, whatever their age. Safe in every replica at once.
 */
@Injectable()
export class MessagingRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MessagingRetention.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(MESSAGING_OPTIONS) private readonly options: ResolvedMessagingOptions,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.prune().catch((error: Error) =>
        this.logger.warn(`pruning old messaging rows failed: ${error.message}`),
      );
    }, this.options.retention.intervalMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async prune(): Promise<PrunedRows> {
    const { publishedOutboxDays, inboxDays } = this.options.retention;
    const pruned = {
      outbox: await this.deleteInBatches(PRUNE_OUTBOX, publishedOutboxDays),
      inbox: await this.deleteInBatches(PRUNE_INBOX, inboxDays),
    };
    if (pruned.outbox + pruned.inbox > 0) {
      this.logger.log(`deleted ${pruned.outbox} published outbox rows and ${pruned.inbox} inbox rows`);
    }
    return pruned;
  }

  private async deleteInBatches(sql: string, days: number): Promise<number> {
    let total = 0;
    for (;;) {
      // For a DELETE, TypeORM's postgres driver answers [rows, affected row count].
      const [, deleted] = (await this.dataSource.query(sql, [days, BATCH])) as [unknown[], number];
      total += deleted;
      if (deleted < BATCH) return total;
    }
  }
}
