import { resolveMessagingOptions } from './messaging.options.js';

describe('resolveMessagingOptions', () => {
  it('defaults to low-latency consumer settings and the service as consumer group', () => {
    const options = resolveMessagingOptions({ service: 'funding' }, {});
    expect(options.brokers).toEqual(['127.0.0.1:9092']);
    expect(options.consumer).toMatchObject({ groupId: 'funding', maxWaitTimeInMs: 100, fromBeginning: true });
    expect(options.topics.map((topic) => topic.name)).toContain('funding.events.dlq');
  });

  it('reads brokers from KAFKA_BROKERS and keeps overrides, including partial retry policies', () => {
    const options = resolveMessagingOptions(
      { service: 'training', consumer: { groupId: 'training-v2', retry: { maxAttempts: 2 } } },
      { KAFKA_BROKERS: 'k1:9092, k2:9092' },
    );
    expect(options.brokers).toEqual(['k1:9092', 'k2:9092']);
    expect(options.consumer.groupId).toBe('training-v2');
    expect(options.consumer.retry).toEqual({
      maxAttempts: 2,
      initialDelayMs: 200,
      multiplier: 2,
      maxDelayMs: 5000,
    });
  });
});
