import { KafkaJSNonRetriableError, KafkaJSNumberOfRetriesExceeded, KafkaJSProtocolError } from 'kafkajs';
import { isRefusedForGood, kafkaErrorText } from './kafka-errors.js';

// kafkajs's constructor takes the options its typings leave out.
const NonRetriable = KafkaJSNonRetriableError as unknown as new (
  error: Error,
  options: { cause: Error },
) => Error;

// Built as kafkajs builds them from a broker's error code (its typings take a string only).
const ProtocolError = KafkaJSProtocolError as unknown as new (error: {
  type: string;
  retriable: boolean;
  message: string;
  code: number;
}) => Error;
const protocolError = (type: string, retriable: boolean) =>
  new ProtocolError({ type, retriable, message: `${type} says the broker`, code: 0 });

describe('isRefusedForGood', () => {
  it('recognises the message refusals kafkajs wraps, as the producer throws them', () => {
    const tooLarge = new NonRetriable(protocolError('MESSAGE_TOO_LARGE', false), {
      cause: protocolError('MESSAGE_TOO_LARGE', false),
    });
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
