import { deadLetterOf, describeError, originalHeadersOf } from './dead-letter.js';
import type { DeliveredMessage } from './delivered-message.js';

const message: DeliveredMessage = {
  topic: 'training.events',
  partition: 4,
  offset: '1234',
  timestamp: '1767225600000',
  key: Buffer.from('class-1'),
  value: Buffer.from('{"id":"x"}'),
  headers: { 'event-id': 'x', 'correlation-id': 'req-9' },
};

describe('deadLetterOf', () => {
  const failure = {
    reason: 'handler_failed' as const,
    error: new Error('class is full'),
    attempts: 5,
    consumerGroup: 'funding',
    failedAt: new Date('2026-05-06T07:08:09.000Z'),
  };

  it('keeps key, value and headers and says where and why it failed', () => {
    const { topic, message: letter } = deadLetterOf(message, failure);
    expect(topic).toBe('training.events.dlq');
    expect(letter.key).toBe(message.key);
    expect(letter.value).toBe(message.value);
    expect(letter.headers).toMatchObject({
      'event-id': 'x',
      'correlation-id': 'req-9',
      'dlq-reason': 'handler_failed',
      'dlq-error-message': 'class is full',
      'dlq-original-topic': 'training.events',
      'dlq-original-partition': '4',
      'dlq-original-offset': '1234',
      'dlq-consumer-group': 'funding',
      'dlq-attempts': '5',
      'dlq-failed-at': '2026-05-06T07:08:09.000Z',
    });
    expect(String(letter.headers?.['dlq-error-stack'])).toContain('class is full');
  });

  it('gives the original headers back for replay', () => {
    const { message: letter } = deadLetterOf(message, failure);
    expect(originalHeadersOf(letter.headers)).toEqual(message.headers);
  });
});

describe('describeError', () => {
  it('reads errors, error-like objects and anything else', () => {
    expect(describeError(new TypeError('boom')).message).toBe('boom');
    expect(describeError({ status: 'error', message: 'Internal server error' })).toEqual({
      message: 'Internal server error',
    });
    expect(describeError(42)).toEqual({ message: '42' });
  });
});
