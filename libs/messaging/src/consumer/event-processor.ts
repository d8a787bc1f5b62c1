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
import type { UnitOfWork } from '../outbox/unit-of-work.js';
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

/** A failure of the app's handler, as opposed to the database or Kafka around it. */
class HandlerFailure extends Error {
  constructor(readonly failure: unknown) {
    super('event handler failed');
  }
}

/**
 * One message, start to end: validate it, apply it once (inbox row, handler, follow-on events, one transaction),
 * retry a failing handler with backoff, dead-letter what cannot be applied. Resolves when the message may be
 * committed; rejects (leaving it uncommitted, to be redelivered) when the database or Kafka fail.
 */
export class EventProcessor {
  private readonly logger = new Logger(EventProcessor.name);

  constructor(private readonly deps: EventProcessorDeps) {}

  async process(message: DeliveredMessage): Promise<ProcessOutcome> {
    const parsed = parseEnvelope(message.value);
    if (!parsed.ok) {
      return this.deadLetter(message, 'invalid', problems(parsed.problems), 0);
    }
    const { type, version } = parsed.value;
    const handler = this.deps.handlerFor(type);
    if (!handler) {
      this.logger.debug(`no handler for ${type}, skipping ${describe(message)}`);
      return 'skipped';
    }
    const contract = this.deps.catalogue.find(type, version);
    if (!contract) {
      return this.deadLetter(message, 'invalid', problems([`no contract for ${type} version ${version}`]), 0);
    }
    const payload = validatePayload(contract, parsed.value.payload);
    if (!payload.ok) {
      return this.deadLetter(message, 'invalid', problems(payload.problems), 0);
    }
    return this.applyWithRetries(message, { ...parsed.value, payload: payload.value }, handler);
  }

  private async applyWithRetries(
    message: DeliveredMessage,
    envelope: EventEnvelope,
    handler: EventHandlerInvoker,
  ): Promise<ProcessOutcome> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.applyOnce(message, envelope, handler);
      } catch (error) {
        if (!(error instanceof HandlerFailure)) {
          throw error;
        }
        if (!hasAttemptsLeft(this.deps.retry, attempt)) {
          return this.deadLetter(message, 'handler_failed', error.failure, attempt);
        }
        const delay = backoffDelay(this.deps.retry, attempt);
        this.logger.warn(
          `${envelope.type} ${envelope.id} failed (attempt ${attempt}), retrying in ${delay} ms: ${errorText(error.failure)}`,
        );
        await this.deps.pause(delay);
      }
    }
  }

  private applyOnce(
    message: DeliveredMessage,
    envelope: EventEnvelope,
    handler: EventHandlerInvoker,
  ): Promise<ProcessOutcome> {
    return this.deps.unitOfWork.runCausedBy(envelope, async (tx) => {
      if (!(await claimInbox(tx.manager, this.deps.consumerGroup, envelope.id))) {
        return 'duplicate';
      }
      try {
        await inContextOf(envelope, () =>
          handler(envelope.payload, new EventContext([envelope, tx, message])),
        );
      } catch (error) {
        throw new HandlerFailure(error);
      }
      return 'handled';
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
      `${describe(message)} dead-lettered to ${letter.topic} (${reason}): ${errorText(error)}`,
    );
    return 'dead_lettered';
  }
}

function problems(list: string[]): Error {
  return new Error(list.join('; '));
}

function describe(message: DeliveredMessage): string {
  return `${message.topic}[${message.partition}]@${message.offset}`;
}

function errorText(error: unknown): string {
  return describeError(error).message;
}
