import { EventEmitter } from 'node:events';
import type { Consumer } from 'kafkajs';
import { KafkaJSConnectionError, KafkaJSNonRetriableError, KafkaJSNumberOfRetriesExceeded } from 'kafkajs';
import { register } from 'prom-client';
import { ConsumerSupervisor, isRecoverable, type StartedConsumer } from './consumer-supervisor.js';

const EVENTS = { GROUP_JOIN: 'consumer.group_join', CRASH: 'consumer.crash' };

/** Just enough of a kafkajs consumer for the supervisor: its events. */
class FakeConsumer extends EventEmitter {
  readonly events = EVENTS;
  stopped = false;
  override on(event: string, listener: (payload: never) => void): this {
    super.on(event, listener as (...args: unknown[]) => void);
    return this;
  }
  join() {
    this.emit(EVENTS.GROUP_JOIN, {});
  }
  crash(error: Error, restart: boolean) {
    this.emit(EVENTS.CRASH, { payload: { error, restart } });
  }
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(condition()).toBe(true);
}

const running = async (group: string) =>
  (await register.getSingleMetric('messaging_consumer_running')?.get())?.values.find(
    (value) => value.labels.group === group,
  )?.value;

describe('ConsumerSupervisor', () => {
  const stops: AbortController[] = [];
  afterEach(() => {
    for (const stop of stops.splice(0)) stop.abort();
  });

  function supervise(group: string, start: () => Promise<FakeConsumer>) {
    const stopping = new AbortController();
    stops.push(stopping);
    const supervisor = new ConsumerSupervisor(
      group,
      stopping.signal,
      async (events): Promise<StartedConsumer> => {
        const consumer = await start();
        events.watch(consumer as unknown as Consumer);
        consumer.join();
        return {
          consumer: consumer as unknown as Consumer,
          stop: async () => {
            consumer.stopped = true;
          },
        };
      },
    );
    supervisor.run();
    return supervisor;
  }

  it('keeps trying while Kafka is unreachable, and runs once it answers', async () => {
    let attempts = 0;
    const supervisor = supervise('g-unreachable', async () => {
      attempts++;
      if (attempts < 3)
        throw new KafkaJSNumberOfRetriesExceeded(new KafkaJSConnectionError('Connection error'), {
          retryCount: 5,
          retryTime: 300,
        });
      return new FakeConsumer();
    });
    await until(() => supervisor.state === 'recovering');
    expect(await running('g-unreachable')).toBe(0);
    await until(() => supervisor.state === 'running');
    expect(attempts).toBe(3);
    expect(await running('g-unreachable')).toBe(1);
  });

  it('starts a new consumer when kafkajs gives up on one', async () => {
    const consumers: FakeConsumer[] = [];
    const supervisor = supervise('g-crash', async () => {
      consumers.push(new FakeConsumer());
      return consumers.at(-1) as FakeConsumer;
    });
    await until(() => supervisor.state === 'running');
    consumers[0]?.crash(new KafkaJSNonRetriableError(new Error('handler kept failing')), false);
    await until(() => consumers.length === 2 && supervisor.state === 'running');
    expect(consumers[0]?.stopped).toBe(true);
  });

  it('leaves a consumer kafkajs restarts itself alone', async () => {
    const consumers: FakeConsumer[] = [];
    const supervisor = supervise('g-retriable', async () => {
      consumers.push(new FakeConsumer());
      return consumers.at(-1) as FakeConsumer;
    });
    await until(() => supervisor.state === 'running');
    consumers[0]?.crash(new KafkaJSConnectionError('Connection error'), true);
    expect(supervisor.state).toBe('recovering');
    consumers[0]?.join();
    expect(supervisor.state).toBe('running');
    expect(consumers).toHaveLength(1);
  });

  it('fails, for liveness to report, when a start fails in a way no retry mends', async () => {
    const supervisor = supervise('g-denied', async () => {
      throw Object.assign(new Error('Not authorized to access group'), {
        name: 'KafkaJSProtocolError',
        retriable: false,
      });
    });
    await until(() => supervisor.state === 'failed');
  });
});

// kafkajs's constructor takes the options its typings leave out.
const NonRetriable = KafkaJSNonRetriableError as unknown as new (
  error: Error,
  options: { cause: Error },
) => Error;

/** As kafkajs's retrier wraps an error it does not retry. */
const wrapped = (error: Error) => new NonRetriable(error, { cause: error });

describe('isRecoverable', () => {
  it('is true for connection problems and errors kafkajs marks retriable, also wrapped', () => {
    expect(isRecoverable(new KafkaJSConnectionError('Connection error'))).toBe(true);
    expect(
      isRecoverable(
        new KafkaJSNumberOfRetriesExceeded(new Error('timeout'), { retryCount: 5, retryTime: 300 }),
      ),
    ).toBe(true);
    expect(isRecoverable(wrapped(new KafkaJSConnectionError('closed')))).toBe(true);
  });

  it('is false for anything else', () => {
    expect(isRecoverable(new TypeError('x is not a function'))).toBe(false);
    expect(isRecoverable(new KafkaJSNonRetriableError(new Error('bad config')))).toBe(false);
  });
});
