import { setTimeout as sleep } from 'node:timers/promises';
import { reportLiveness } from '@khoinghiep/observability';
import { Logger } from '@nestjs/common';
import type { Consumer } from 'kafkajs';
import { consumerRunning } from '../metrics/messaging-metrics.js';

/**
 * `recovering`: connecting, or reconnecting after a crash (the broker is away, say); `failed`: a (re)start failed
 * in a way no retry mends (authorisation, configuration), so only a new process can help.
 */
export type ConsumerState = 'starting' | 'running' | 'recovering' | 'failed' | 'stopped';

export interface StartedConsumer {
  consumer: Consumer;
  stop(): Promise<void>;
}

/** What the supervisor hears from the kafkajs consumer it started. */
export interface ConsumerEvents {
  watch(consumer: Consumer): void;
}

const MAX_RESTART_DELAY_MS = 10_000;

// kafkajs errors that say the cluster is unreachable or busy, which waiting mends.
const RECOVERABLE_ERRORS = new Set([
  'KafkaJSConnectionError',
  'KafkaJSConnectionClosedError',
  'KafkaJSRequestTimeoutError',
  'KafkaJSBrokerNotFound',
  'KafkaJSNumberOfRetriesExceeded',
  'KafkaJSLockTimeout',
  'KafkaJSGroupCoordinatorNotFound',
  'KafkaJSMetadataNotLoaded',
  'KafkaJSTopicMetadataNotLoaded',
]);

/** Whether starting again later can succeed: a connection problem or an error kafkajs marks retriable. */
export function isRecoverable(error: unknown): boolean {
  for (let cause = error; typeof cause === 'object' && cause !== null; ) {
    const { name, retriable, originalError } = cause as {
      name?: string;
      retriable?: boolean;
      originalError?: unknown;
    };
    if (retriable === true || RECOVERABLE_ERRORS.has(name ?? '')) return true;
    cause = originalError ?? (cause as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Keeps one event consumer going: starts it, and when kafkajs gives up on it (a crash it will not restart
 * itself from), starts a new one after a backoff, for as long as the app runs. Its state is the
 * `messaging_consumer_running` gauge and a part of `/health/live`, down only once it has `failed`.
 */
export class ConsumerSupervisor {
  private readonly logger = new Logger(ConsumerSupervisor.name);
  state: ConsumerState = 'starting';
  consumer?: Consumer;
  /** Resolves when the consumer first joins its group. */
  readonly joined: Promise<void>;
  private markJoined!: () => void;
  private current?: StartedConsumer;
  private gaveUp?: (error: Error) => void;
  private loop?: Promise<void>;
  private stopReporting?: () => void;

  constructor(
    private readonly group: string,
    private readonly signal: AbortSignal,
    private readonly start: (events: ConsumerEvents) => Promise<StartedConsumer>,
  ) {
    this.joined = new Promise((resolve) => {
      this.markJoined = resolve;
    });
  }

  run(): void {
    this.setState('starting');
    this.stopReporting = reportLiveness(`consumer ${this.group}`, () => ({
      alive: this.state !== 'failed',
      state: this.state,
    }));
    this.loop = this.superviseUntilStopped();
  }

  async stop(): Promise<void> {
    await this.loop;
    await this.current?.stop().catch(() => undefined);
    this.current = undefined;
    this.setState('stopped');
    this.stopReporting?.();
  }

  private readonly events: ConsumerEvents = {
    watch: (consumer) => {
      this.consumer = consumer;
      consumer.on(consumer.events.GROUP_JOIN, () => {
        this.setState('running');
        this.markJoined();
      });
      consumer.on(consumer.events.CRASH, ({ payload }) => {
        if (this.signal.aborted) return;
        this.setState('recovering');
        // kafkajs restarts by itself after a retriable error; otherwise it is done and a new consumer is due.
        if (!payload.restart) this.gaveUp?.(payload.error);
      });
    },
  };

  private async superviseUntilStopped(): Promise<void> {
    let failures = 0;
    while (!this.signal.aborted) {
      try {
        const crashed = new Promise<Error>((resolve) => {
          this.gaveUp = resolve;
        });
        const started = await this.unlessStopped(this.start(this.events));
        if (!started) return;
        this.current = started;
        failures = 0;
        const error = await this.unlessStopped(crashed);
        if (!error) return;
        this.logger.warn(
          `consumer ${this.group} stopped (${error.name}: ${error.message}); starting a new one`,
        );
        this.current = undefined;
        await started.stop().catch(() => undefined);
      } catch (error) {
        if (this.signal.aborted) return;
        failures++;
        if (!isRecoverable(error)) {
          this.setState('failed');
          this.logger.error(
            `consumer ${this.group} cannot start: ${(error as Error).stack ?? String(error)}`,
          );
          return;
        }
        this.setState('recovering');
        if (failures === 1 || failures % 20 === 0) {
          this.logger.warn(`consumer ${this.group} waiting for Kafka: ${(error as Error).message}`);
        }
      }
      const delay = Math.min(500 * 2 ** Math.max(0, failures - 1), MAX_RESTART_DELAY_MS);
      await sleep(delay, undefined, { signal: this.signal }).catch(() => undefined);
    }
  }

  /** `work`'s result, or undefined once the app stops (whatever `work` later yields is then cleaned up). */
  private async unlessStopped<T>(work: Promise<T>): Promise<T | undefined> {
    work
      .then((result) => {
        if (this.signal.aborted && isStarted(result)) result.stop().catch(() => undefined);
      })
      .catch(() => undefined);
    if (this.signal.aborted) return undefined;
    let onAbort: () => void = () => undefined;
    const stopped = new Promise<undefined>((resolve) => {
      onAbort = () => resolve(undefined);
      this.signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
      return await Promise.race([work, stopped]);
    } finally {
      this.signal.removeEventListener('abort', onAbort);
    }
  }

  private setState(state: ConsumerState): void {
    this.state = state;
    consumerRunning.set({ group: this.group }, state === 'running' ? 1 : 0);
  }
}

function isStarted(value: unknown): value is StartedConsumer {
  return typeof value === 'object' && value !== null && 'stop' in value && 'consumer' in value;
}
