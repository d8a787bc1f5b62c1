import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ListRefills } from './list-refills.js';

/**
 * Drains the refill queue in the background, batch after batch, each in its own transaction: woken after a commit
 * that queued refills, and every MATCH_REFILL_POLL_MS in case a wake-up was lost (another instance queued it, or a
 * batch failed). Several instances drain side by side: each takes rows the others have not locked.
 */
@Injectable()
export class RefillWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RefillWorker.name);
  private timer?: NodeJS.Timeout;
  private draining: Promise<void> | null = null;
  private wokenMeanwhile = false;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly refills: ListRefills,
    private readonly config: ConfigService,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.wake(), this.config.getOrThrow<number>('MATCH_REFILL_POLL_MS'));
    this.timer.unref();
    this.wake();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.draining;
  }

  /** Starts draining, or drains once more after the current run. */
  wake(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.wokenMeanwhile = true;
      return;
    }
    this.draining = this.drain()
      .then(() => undefined)
      .catch((error: Error) => this.logger.error(`refilling match lists failed: ${error.stack ?? error}`))
      .finally(() => {
        this.draining = null;
        if (this.wokenMeanwhile) {
          this.wokenMeanwhile = false;
          this.wake();
        }
      });
  }

  /** Refills until the queue has nothing this worker can take; answers how many lists it rebuilt. */
  async drain(): Promise<number> {
    let total = 0;
    while (!this.stopped) {
      const done = await this.dataSource.transaction((manager) => this.refills.refillBatch(manager));
      if (done === 0) return total;
      total += done;
    }
    return total;
  }
}
