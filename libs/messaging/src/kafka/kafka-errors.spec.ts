import { KafkaJSNonRetriableError, KafkaJSNumberOfRetriesExceeded, KafkaJSProtocolError } from 'kafkajs';
import { isRefusedForGood, kafkaErrorText } from './kafka-errors.js';

const protocolError = (type: string, retriable: boolean) =>
  new KafkaJSProtocolError({ type, retriable, message: `${type} says the broker`, code: 0 } as never);

describe('isRefusedForGood', () => {
  it('recognises the message refusals kafkajs wraps, as the producer throws them', () => {
    const tooLarge = new KafkaJSNonRetriableError(protocolError('MESSAGE_TOO_LARGE', false), {
      cause: protocolError('MESSAGE_TOO_LARGE', false),
    } as never);
    expect(isRefusedForGood(tooLarge)).toBe(true);
    expect(kafkaErrorText(tooLarge)).toBe('MESSAGE_TOO_LARGE: MESSAGE_TOO_LARGE says the broker');
    expect(isRefusedForGood(protocolError('INVALID_RECORD', false))).toBe(true);
  });

  it('is false for an unreachable or busy broker', () => {
    expect(
      isRefusedForGood(
        new KafkaJSNumberOfRetriesExceeded(protocolError('NOT_LEADER_FOR_PARTITION', true), {
          retryCount: 5,
          retryTime: 300,
        }),
      ),
    ).toBe(false);
    expect(isRefusedForGood(new Error('Connection error'))).toBe(false);
  });
});
