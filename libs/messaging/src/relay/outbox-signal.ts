import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** The channel on which a commit in one process wakes the relay leading in another. */
export const OUTBOX_CHANNEL = 'outbox_event';

/**
 * Wakes the relay after a commit. In the process that leads, it is a function call. Elsewhere it is a NOTIFY,
 * sent after the commit on its own (not inside the business transaction: NOTIFY takes a database-wide lock at
 * commit), at most one in flight per process, so a burst of commits costs one or two notifications.
 */
@Injectable()
export class OutboxSignal {
  private readonly logger = new Logger(OutboxSignal.name);
  private leading = false;
  private woken = false;
  private wakeWaiter?: () => void;
  private notifying = false;
  private notifyAgain = false;

  constructor(private readonly dataSource: DataSource) {}

  /** Called by the unit of work after a commit that recorded events. */
  committed(): void {
    if (this.leading) {
      this.wake();
    } else {
      this.notifyOtherProcesses();
    }
  }

  setLeading(leading: boolean): void {
    this.leading = leading;
  }

  wake(): void {
    this.woken = true;
    this.wakeWaiter?.();
  }

  /** Forgets earlier wake-ups: the relay calls this right before it reads the outbox. */
  clear(): void {
    this.woken = false;
  }

  /** Resolves on the next wake-up (at once if one came since `clear`), or after `timeoutMs`. */
  wait(timeoutMs: number): Promise<void> {
    if (this.woken) {
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeWaiter = undefined;
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.wakeWaiter = done;
    });
  }

  private notifyOtherProcesses(): void {
    if (this.notifying) {
      this.notifyAgain = true;
      return;
    }
    this.notifying = true;
    this.dataSource
      .query('SELECT pg_notify($1, $2)', [OUTBOX_CHANNEL, ''])
      .catch((error: Error) => this.logger.warn(`could not notify the relay, it will poll: ${error.message}`))
      .finally(() => {
        this.notifying = false;
        if (this.notifyAgain) {
          this.notifyAgain = false;
          this.notifyOtherProcesses();
        }
      });
  }
}
