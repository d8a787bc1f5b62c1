import {
  type EventCatalogue,
  type EventEnvelope,
  parseEnvelope,
  validatePayload,
} from '@khoinghiep/contracts';
import { Logger } from '@nestjs/common';
import type { Message } from 'kafkajs';
import type { RetryPolicy } from '../messaging.options.js';
import { inContextOf } from '../outbox/event-origin.js';
import type { Transaction } from '../outbox/transaction.js';
import type { ConsumeWithin, UnitOfWork } from '../outbox/unit-of-work.js';
import { isTransientDatabaseError } from './database-errors.js';
import { type DeadLetterReason, deadLetterOf, describeError } from './dead-letter.js';
import type { DeliveredMessage } from './delivered-message.js';
import { EventContext } from './event-context.js';
import { claimInbox } from './inbox.js';
import { backoffDelay, hasAttemptsLeft } from './retry-policy.js';

export type EventHandlerInvoker = (payload: object, context: EventContext) => Promise<void>;

export type ProcessOutcome = 'handled' | 'duplicate' | 'skipped' | 'dead_lettered';

export interface EventProcessorDeps {
  consumerGroup: string;
  retry: RetryPolicy;
  catalogue: EventCatalogue;
  unitOfWork: UnitOfWork;
  /** The app's handler for an event type, if it has one. */
  handlerFor: (type: string) => EventHandlerInvoker | undefined;
  publishDeadLetter: (topic: string, message: Message) => Promise<void>;
  /** Waits between attempts; rejects when the consumer is stopping, so the message is left uncommitted. */
  pause: (ms: number) => Promise<void>;
}

/** A message ready to be applied: valid, with a handler in this app. */
interface Applicable {
  message: DeliveredMessage;
  envelope: EventEnvelope;
  handler: EventHandlerInvoker;
}

/** A failure of the app's handler, as opposed to the database around it (the inbox, follow-on events, commit). */
class HandlerFailure extends Error {
  constructor(
    readonly failure: unknown,
    readonly item: Applicable,
  ) {
    super('event handler failed');
  }
}

/**
 * Messages of one partition, in order, start to end: validate them, apply them (inbox rows, handlers, follow-on
 * events) in one transaction, and if that fails, roll back and apply them one by one, retrying the failing one
 * with backoff and dead-lettering what cannot be applied (transient database failures are retried without
 * limit). Resolves when the messages may be committed; rejects (leaving them uncommitted, to be redelivered)
 * when the consumer stops or the dead-letter topic cannot be written.
 */
export class EventProcessor {
  private readonly logger = new Logger(EventProcessor.name);

  constructor(private readonly deps: EventProcessorDeps) {}

  /** The outcome of each message, in order. */
  async process(messages: DeliveredMessage[]): Promise<ProcessOutcome[]> {
    const outcomes: ProcessOutcome[] = [];
    const applicable: Applicable[] = [];
    for (const message of messages) {
      const checked = this.check(message);
      if (checked === 'skipped') {
        outcomes.push('skipped');
      } else if ('problems' in checked) {
        outcomes.push(await this.deadLetter(message, 'invalid', new Error(checked.problems.join('; ')), 0));
      } else {
        outcomes.push('handled'); // provisional: replaced below
        applicable.push(checked);
      }
    }
    const applied = await this.apply(applicable);
    let next = 0;
    return outcomes.map((outcome) => (outcome === 'handled' ? (applied[next++] as ProcessOutcome) : outcome));
  }

  private check(message: DeliveredMessage): Applicable | { problems: string[] } | 'skipped' {
    const parsed = parseEnvelope(message.value);
    if (!parsed.ok) {
      return { problems: parsed.problems };
    }
    const { type, version } = parsed.value;
    const handler = this.deps.handlerFor(type);
    if (!handler) {
      this.logger.debug(`no handler for ${type}, skipping ${describe(message)}`);
      return 'skipped';
    }
    const contract = this.deps.catalogue.find(type, version);
    if (!contract) {
      return { problems: [`no contract for ${type} version ${version}`] };
    }
    const payload = validatePayload(contract, parsed.value.payload, 'reader');
    if (!payload.ok) {
      return { problems: payload.problems };
    }
    return { message, envelope: { ...parsed.value, payload: payload.value }, handler };
  }

  private async apply(items: Applicable[]): Promise<ProcessOutcome[]> {
    if (items.length > 1) {
      try {
        return await this.applyTogether(items);
      } catch (error) {
        // Whichever failed, the others' effects were rolled back with it: apply each on its own.
        this.logger.debug(`a batch of ${items.length} failed, applying one by one: ${causeOf(error)}`);
      }
    }
    const outcomes: ProcessOutcome[] = [];
    for (const item of items) {
      outcomes.push(await this.applyAlone(item));
    }
    return outcomes;
  }

  /**
   * Applies one event until it is applied or dead-lettered. A transient database failure (a lost race, a lock
   * not granted, a lost connection) is retried with backoff and without limit, wherever it happens; any other
   * failure, whether in the handler or after it (its follow-on events, the commit), counts as an attempt.
   */
  private async applyAlone(item: Applicable): Promise<ProcessOutcome> {
    let counted = 0;
    for (let tries = 1; ; tries++) {
      let failure: unknown;
      try {
        return (await this.applyTogether([item]))[0] as ProcessOutcome;
      } catch (error) {
        failure = error;
      }
      const cause = failure instanceof HandlerFailure ? failure.failure : failure;
      const transient = isTransientDatabaseError(cause);
      if (!transient) {
        counted++;
        if (!hasAttemptsLeft(this.deps.retry, counted)) {
          const reason = failure instanceof HandlerFailure ? 'handler_failed' : 'apply_failed';
          return this.deadLetter(item.message, reason, cause, counted);
        }
      }
      const delay = backoffDelay(this.deps.retry, transient ? tries : counted);
      this.logger.warn(
        `${item.envelope.type} ${item.envelope.id} failed (${transient ? 'transient, not counted' : `attempt ${counted}`}), ` +
          `retrying in ${delay} ms: ${describeError(cause).message}`,
      );
      await this.deps.pause(delay);
    }
  }

  /** One transaction: the inbox rows of all, then each new event's handler in order. */
  private applyTogether(items: Applicable[]): Promise<ProcessOutcome[]> {
    return this.deps.unitOfWork.runConsuming(async (manager, consume) => {
      const ids = [...new Set(items.map((item) => item.envelope.id))];
      const fresh = await claimInbox(manager, this.deps.consumerGroup, ids);
      const outcomes: ProcessOutcome[] = [];
      for (const item of items) {
        if (!fresh.delete(item.envelope.id)) {
          outcomes.push('duplicate');
          continue;
        }
        await this.invoke(item, consume);
        outcomes.push('handled');
      }
      return outcomes;
    });
  }

  private invoke(item: Applicable, consume: ConsumeWithin): Promise<void> {
    const { envelope, handler, message } = item;
    return consume(envelope, async (tx: Transaction) => {
      try {
        await inContextOf(envelope, () =>
          handler(envelope.payload, new EventContext([envelope, tx, message])),
        );
      } catch (error) {
        throw new HandlerFailure(error, item);
      }
    });
  }

  private async deadLetter(
    message: DeliveredMessage,
    reason: DeadLetterReason,
    error: unknown,
    attempts: number,
  ): Promise<ProcessOutcome> {
    const letter = deadLetterOf(message, {
      reason,
      error,
      attempts,
      consumerGroup: this.deps.consumerGroup,
      failedAt: new Date(),
    });
    await this.deps.publishDeadLetter(letter.topic, letter.message);
    this.logger.error(
      `${describe(message)} dead-lettered to ${letter.topic} (${reason}): ${describeError(error).message}`,
    );
    return 'dead_lettered';
  }
}

function causeOf(error: unknown): string {
  return describeError(error instanceof HandlerFailure ? error.failure : error).message;
}

function describe(message: DeliveredMessage): string {
  return `${message.topic}[${message.partition}]@${message.offset}`;
}
