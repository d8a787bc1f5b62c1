import { dlqTopicOf } from '@khoinghiep/contracts';
import type { IHeaders, Message } from 'kafkajs';
import type { DeliveredMessage } from './delivered-message.js';

/** `apply_failed`: the handler succeeded, but what followed it (its follow-on events, the commit) did not. */
export type DeadLetterReason = 'invalid' | 'handler_failed' | 'apply_failed';

export interface Failure {
  reason: DeadLetterReason;
  error: unknown;
  attempts: number;
  consumerGroup: string;
  failedAt: Date;
}

/** Headers the dead-letter topic adds; replay strips them again. */
export const DLQ_HEADER_PREFIX = 'dlq-';
export const DLQ_HEADERS = {
  reason: 'dlq-reason',
  errorMessage: 'dlq-error-message',
  errorStack: 'dlq-error-stack',
  originalTopic: 'dlq-original-topic',
  originalPartition: 'dlq-original-partition',
  originalOffset: 'dlq-original-offset',
  consumerGroup: 'dlq-consumer-group',
  attempts: 'dlq-attempts',
  failedAt: 'dlq-failed-at',
} as const;

const MAX_MESSAGE = 2000;
const MAX_STACK = 8000;

/** The original message, unchanged, plus headers saying why and where it failed. */
export function deadLetterOf(
  message: DeliveredMessage,
  failure: Failure,
): { topic: string; message: Message } {
  const { message: errorMessage, stack } = describeError(failure.error);
  const headers: IHeaders = {
    ...message.headers,
    [DLQ_HEADERS.reason]: failure.reason,
    [DLQ_HEADERS.errorMessage]: errorMessage.slice(0, MAX_MESSAGE),
    [DLQ_HEADERS.errorStack]: (stack ?? '').slice(0, MAX_STACK),
    [DLQ_HEADERS.originalTopic]: message.topic,
    [DLQ_HEADERS.originalPartition]: String(message.partition),
    [DLQ_HEADERS.originalOffset]: message.offset,
    [DLQ_HEADERS.consumerGroup]: failure.consumerGroup,
    [DLQ_HEADERS.attempts]: String(failure.attempts),
    [DLQ_HEADERS.failedAt]: failure.failedAt.toISOString(),
  };
  return { topic: dlqTopicOf(message.topic), message: { key: message.key, value: message.value, headers } };
}

/** The headers of a dead letter without what the dead-letter topic added. */
export function originalHeadersOf(headers: IHeaders | undefined): IHeaders {
  return Object.fromEntries(
    Object.entries(headers ?? {}).filter(([name]) => !name.startsWith(DLQ_HEADER_PREFIX)),
  );
}

export function describeError(error: unknown): { message: string; stack?: string } {
  if (error instanceof Error) {
    return { message: error.message, stack: error.stack };
  }
  if (typeof error === 'object' && error !== null && 'message' in error) {
    return { message: String(error.message) };
  }
  return { message: String(error) };
}
