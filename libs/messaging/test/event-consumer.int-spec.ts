import { jest } from '@jest/globals';
import { dlqTopicOf, type EventEnvelope } from '@khoinghiep/contracts';
import { KafkaEventServer, replayDeadLetters, UnitOfWork } from '@khoinghiep/messaging';
import { eventually } from '@khoinghiep/testing';
import type { INestApplication } from '@nestjs/common';
import type { Consumer } from 'kafkajs';
import { register } from 'prom-client';
import { v7 as uuidv7 } from 'uuid';
import { startFixtureApp } from './fixtures/fixture-app.js';
import { type ItemEvents, type ItemRecordedPayload, itemEvents } from './fixtures/item-events.js';
import { type RecorderControls, recorderController } from './fixtures/recorder.controller.js';
import { REJECTED_AT_COMMIT, REJECTED_AT_INSERT } from './fixtures/test-outbox-rules.migration.js';
import {
  BROKERS,
  caughtUp,
  createTopic,
  deleteCreatedTopics,
  newRunId,
  prepareDatabase,
  produce,
  readTopic,
  type TestDatabase,
} from './support/infra.js';

jest.setTimeout(30_000);

const FAST_RETRIES = { maxAttempts: 3, initialDelayMs: 20, multiplier: 2, maxDelayMs: 100 };

interface Effect {
  event_id: string;
  aggregate_id: string;
  n: number;
  attempt: number;
}

describe('event consumer (real PostgreSQL and Kafka)', () => {
  let db: TestDatabase;
  const apps: INestApplication[] = [];

  interface Scenario {
    events: ItemEvents;
    group: string;
    controls: RecorderControls;
    app: INestApplication;
    record: (key: string, item: ItemRecordedPayload) => Promise<EventEnvelope<ItemRecordedPayload>>;
  }

  /** A service consuming its own fresh topic as its own fresh group; it also relays what it records. */
  const scenario = async (
    consumer: Parameters<typeof startFixtureApp>[0]['consumer'] = {},
    controls: Partial<RecorderControls> = {},
  ): Promise<Scenario> => {
    const run = newRunId();
    const events = itemEvents(run);
    await createTopic(events.topic);
    const group = `mtest-consumer-${run}`;
    const recorderControls: RecorderControls = { consumer: group, failing: true, ...controls };
    const app = await startFixtureApp({
      service: 'consumer-test',
      databaseUrl: db.url,
      brokers: BROKERS,
      topic: events.topic,
      consumer: { groupId: group, retry: FAST_RETRIES, ...consumer },
      controllers: [recorderController(events, recorderControls)],
    });
    apps.push(app);
    await app.get(KafkaEventServer).whenJoined();
    const unitOfWork = app.get(UnitOfWork);
    const record = (key: string, item: ItemRecordedPayload) =>
      unitOfWork.run(async (tx) => tx.record(events.recorded, key, item));
    return { events, group, controls: recorderControls, app, record };
  };

  const effectsOf = (group: string): Promise<Effect[]> =>
    db.dataSource.query(
      'SELECT event_id, aggregate_id, n, attempt FROM test_effect WHERE consumer = $1 ORDER BY handled_at',
      [group],
    );

  const consumedCount = async (group: string, outcome: string) => {
    const metric = await register.getSingleMetric('messaging_events_consumed_total')?.get();
    return (metric?.values ?? [])
      .filter((value) => value.labels.group === group && value.labels.outcome === outcome)
      .reduce((sum, value) => sum + value.value, 0);
  };

  beforeAll(async () => {
    db = await prepareDatabase('consumer');
  });

  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
  });

  afterAll(async () => {
    await db?.dataSource.destroy();
    await deleteCreatedTopics();
  });

  it('applies every event once, in order per key, and skips a redelivered event', async () => {
    const { events, group, record } = await scenario();
    for (let n = 0; n < 12; n++) {
      await record(`item-${n % 3}`, { n });
    }
    await eventually('12 effects', async () => (await effectsOf(group)).length === 12);

    // Deliver every message a second time, as Kafka may after a crash or a rebalance.
    const delivered = await readTopic(events.topic);
    await produce(
      events.topic,
      delivered.map(({ key, value, headers }) => ({ key, value, headers })),
    );
    await eventually('the redeliveries to be consumed', () => caughtUp(group, events.topic));

    const effects = await effectsOf(group);
    expect(effects).toHaveLength(12);
    for (const key of ['item-0', 'item-1', 'item-2']) {
      const ns = effects.filter((effect) => effect.aggregate_id === key).map((effect) => effect.n);
      expect(ns).toEqual([...ns].sort((a, b) => a - b));
    }
    expect(await consumedCount(group, 'duplicate')).toBe(12);
    const inbox = await db.dataSource.query(
      'SELECT count(*)::int AS n FROM inbox_event WHERE consumer = $1',
      [group],
    );
    expect(inbox[0].n).toBe(12);
  });

  it('retries a failing handler with backoff until it succeeds', async () => {
    const { group, record } = await scenario();
    const envelope = await record('item', { n: 1, behaviour: 'fail-twice' });
    await eventually('the effect', async () => (await effectsOf(group)).length === 1);
    expect(await effectsOf(group)).toEqual([
      { event_id: envelope.id, aggregate_id: 'item', n: 1, attempt: 3 },
    ]);
  });

  it('dead-letters an event whose handler keeps failing, with the error in headers, and goes on', async () => {
    const { events, group, record } = await scenario();
    const poison = await record('item', { n: 1, behaviour: 'always-fail' });
    const next = await record('item', { n: 2 });

    await eventually('the next event on the same partition', async () =>
      (await effectsOf(group)).some((effect) => effect.event_id === next.id),
    );
    await eventually('the offsets to be committed past both', () => caughtUp(group, events.topic));

    const [letter, ...others] = await readTopic(dlqTopicOf(events.topic));
    expect(others).toEqual([]);
    expect(JSON.parse(letter?.value ?? '')).toEqual(poison);
    expect(letter?.key).toBe('item');
    expect(letter?.headers).toMatchObject({
      'event-id': poison.id,
      'dlq-reason': 'handler_failed',
      'dlq-error-message': 'item 1 cannot be recorded',
      'dlq-original-topic': events.topic,
      'dlq-consumer-group': group,
      'dlq-attempts': '3',
    });
    expect(letter?.headers['dlq-error-stack']).toContain('item 1 cannot be recorded');
    expect(letter?.headers['dlq-original-offset']).toMatch(/^\d+$/);
    expect((await effectsOf(group)).map((effect) => effect.n)).toEqual([2]);
  });

  it('retries a deadlock without counting it as an attempt, and applies the event exactly once', async () => {
    // One attempt only: a deadlock counted as one would dead-letter the event at once.
    const { events, group, record } = await scenario({ retry: { ...FAST_RETRIES, maxAttempts: 1 } });
    const n = 1000 + Math.floor(Math.random() * 1_000_000);
    const other = await db.dataSource.createQueryRunner();
    try {
      await other.startTransaction();
      // This session waits long before looking for deadlocks, so PostgreSQL fails the handler's side.
      await other.query("SET LOCAL deadlock_timeout = '20s'");
      await other.query('SELECT pg_advisory_xact_lock($1)', [2 * n + 1]);
      const envelope = await record('item', { n, behaviour: 'deadlock' });
      await eventually('the handler to wait for the lock the test holds', async () => {
        const [row] = await db.dataSource.query(
          "SELECT count(*)::int AS waiting FROM pg_locks WHERE locktype = 'advisory' AND NOT granted",
        );
        return row.waiting > 0;
      });
      await other.query('SELECT pg_advisory_xact_lock($1)', [2 * n]);
      await other.commitTransaction();

      await eventually('the effect', async () => (await effectsOf(group)).length === 1);
      await eventually('the offsets to be committed', () => caughtUp(group, events.topic));
      expect(await effectsOf(group)).toEqual([
        { event_id: envelope.id, aggregate_id: 'item', n, attempt: 2 },
      ]);
      expect(await readTopic(dlqTopicOf(events.topic), 2000)).toEqual([]);
    } finally {
      await other.release();
    }
  });

  it.each([
    ['inserting it', REJECTED_AT_INSERT],
    ['committing it', REJECTED_AT_COMMIT],
  ])(
    'dead-letters an event whose follow-on event the database refuses on %s, and goes on',
    async (_when, key) => {
      const { events, group, record } = await scenario();
      const poison = await record(key, { n: 1, behaviour: 'acknowledge' });
      const next = await record(key, { n: 2 });

      await eventually('the next event on the same partition', async () =>
        (await effectsOf(group)).some((effect) => effect.event_id === next.id),
      );
      await eventually('the offsets to be committed past both', () => caughtUp(group, events.topic));
      const [letter, ...others] = await readTopic(dlqTopicOf(events.topic));
      expect(others).toEqual([]);
      expect(letter?.headers).toMatchObject({
        'event-id': poison.id,
        'dlq-reason': 'apply_failed',
        'dlq-attempts': String(FAST_RETRIES.maxAttempts),
      });
      expect(letter?.headers['dlq-error-message']).toMatch(
        /refused \(test_outbox_rejected_at_(insert|commit)\)/,
      );
      // Rolled back with its follow-on event: the poison event left no effect.
      expect((await effectsOf(group)).map((effect) => effect.n)).toEqual([2]);
    },
  );

  it('applies a batch in one transaction and, when one handler fails, the others one by one', async () => {
    const { events, group, app } = await scenario();
    // One transaction, so one relay batch: the consumer gets the four in one Kafka batch.
    const [first, poison, third, flaky] = await app
      .get(UnitOfWork)
      .run(async (tx) => [
        tx.record(events.recorded, 'item', { n: 1 }),
        tx.record(events.recorded, 'item', { n: 2, behaviour: 'always-fail' }),
        tx.record(events.recorded, 'item', { n: 3 }),
        tx.record(events.recorded, 'item', { n: 4, behaviour: 'fail-twice' }),
      ]);

    await eventually('the three good events', async () => (await effectsOf(group)).length === 3);
    await eventually('the offsets', () => caughtUp(group, events.topic));
    const effects = await effectsOf(group);
    expect(effects.map((effect) => effect.event_id)).toEqual([first?.id, third?.id, flaky?.id]);
    // The first ran in the rolled-back batch, then alone; the third only alone; the flaky one failed twice alone.
    expect(effects.map((effect) => effect.attempt)).toEqual([2, 1, 3]);
    const [letter, ...others] = await readTopic(dlqTopicOf(events.topic));
    expect(others).toEqual([]);
    expect(letter?.headers['event-id']).toBe(poison?.id);
    expect(await consumedCount(group, 'handled')).toBe(3);
  });

  it('dead-letters malformed messages at once, without retries, reads past unknown fields, and goes on', async () => {
    const { events, group, record } = await scenario();
    const valid = (payload: object, version = 1) =>
      JSON.stringify({
        id: uuidv7(),
        type: events.recorded.type,
        version,
        occurredAt: new Date().toISOString(),
        aggregateType: 'item',
        aggregateId: 'item',
        actor: { userId: null, roles: [] },
        correlationId: 'c-1',
        causationId: null,
        payload,
      });
    await produce(events.topic, [
      { key: 'item', value: '{not json' },
      { key: 'item', value: valid({ n: 'seven' }) },
      { key: 'item', value: valid({ n: 1, addedLater: true }) },
      { key: 'item', value: valid({ n: 1 }, 9) },
    ]);
    const good = await record('item', { n: 2 });

    await eventually('the valid event', async () =>
      (await effectsOf(group)).some((effect) => effect.event_id === good.id),
    );
    // A field from a newer writer is no reason to refuse an event: it is read without it.
    expect((await effectsOf(group)).map((effect) => effect.n)).toEqual([1, 2]);
    const letters = await eventually('3 dead letters', async () => {
      const read = await readTopic(dlqTopicOf(events.topic));
      return read.length === 3 && read;
    });
    expect(letters.map((letter) => letter.headers['dlq-reason'])).toEqual(Array(3).fill('invalid'));
    expect(letters.map((letter) => letter.headers['dlq-attempts'])).toEqual(Array(3).fill('0'));
    expect(letters.map((letter) => letter.headers['dlq-error-message'])).toEqual([
      expect.stringContaining('value is not JSON'),
      expect.stringContaining('payload.n'),
      expect.stringContaining('no contract for'),
    ]);
    expect(letters[0]?.value).toBe('{not json');
    expect(await caughtUp(group, events.topic)).toBe(true);
  });

  it('skips event types it has no handler for, and stamps follow-on events with their cause', async () => {
    const { events, group, record } = await scenario();
    const cause = await record('item', { n: 5, behaviour: 'acknowledge' });

    const acknowledged = await eventually('the follow-on event', async () => {
      const messages = await readTopic(events.topic);
      return messages.find((message) => message.headers['event-type'] === events.acknowledged.type);
    });
    expect(JSON.parse(acknowledged.value ?? '')).toMatchObject({
      aggregateId: 'item',
      correlationId: cause.correlationId,
      causationId: cause.id,
      actor: cause.actor,
      payload: { n: 5 },
    });
    expect(acknowledged.headers['causation-id']).toBe(cause.id);
    await eventually(
      'the follow-on event to be skipped',
      async () => (await consumedCount(group, 'skipped')) === 1,
    );
    await eventually('offsets committed past it', () => caughtUp(group, events.topic));
  });

  it('replays dead letters once to the original topic, where the inbox keeps them exactly-once', async () => {
    const { events, group, controls, record } = await scenario();
    const poison = await record('item', { n: 1, behaviour: 'always-fail' });
    const dlqTopic = dlqTopicOf(events.topic);
    await eventually('the dead letter', async () => (await readTopic(dlqTopic)).length === 1);

    controls.failing = false; // the fix is deployed
    const replayGroup = `mtest-replay-${newRunId()}`;
    const first = await replayDeadLetters({ brokers: BROKERS, dlqTopic, groupId: replayGroup });
    expect(first.replayed).toEqual([poison.id]);
    await eventually('the replayed event to be applied', async () => (await effectsOf(group)).length === 1);

    const again = await replayDeadLetters({ brokers: BROKERS, dlqTopic, groupId: replayGroup });
    expect(again.replayed).toEqual([]);

    const byId = await replayDeadLetters({ brokers: BROKERS, dlqTopic, eventId: poison.id });
    expect(byId.replayed).toEqual([poison.id]);
    await eventually(
      'the second replay to be consumed',
      async () => (await consumedCount(group, 'duplicate')) === 1,
    );
    expect(await effectsOf(group)).toEqual([{ event_id: poison.id, aggregate_id: 'item', n: 1, attempt: 4 }]);
  });

  it('reports consumer lag, outbox backlog and event counts in the default prom-client registry', async () => {
    const { events, group, record } = await scenario({ lagIntervalMs: 100 });
    await record('item', { n: 1 });
    await record('item', { n: 2 });
    await eventually('the offsets', () => caughtUp(group, events.topic));

    const lagOfGroup = async () =>
      ((await register.getSingleMetric('messaging_consumer_lag')?.get())?.values ?? []).filter(
        (value) => value.labels.group === group && value.labels.topic === events.topic,
      );
    const lag = await eventually('a lag sample after the commit', async () => {
      const values = await lagOfGroup();
      return values.length > 0 && values.every((value) => value.value === 0) && values;
    });
    expect(lag.length).toBeGreaterThan(0);
    const metrics = await register.metrics();
    expect(metrics).toMatch(/messaging_outbox_backlog\{service="consumer-test"\} 0/);
    expect(metrics).toMatch(/messaging_outbox_backlog_age_seconds\{service="consumer-test"\} 0\n/);
    expect(metrics).toMatch(new RegExp(`messaging_consumer_running\\{group="${group}"\\} 1\n`));
    expect(metrics).toMatch(
      new RegExp(`messaging_events_published_total\\{service="consumer-test",topic="${events.topic}"\\} 2`),
    );
    expect(await consumedCount(group, 'handled')).toBe(2);
  });

  it('keeps heartbeating through a handler longer than the session timeout: no rebalance, no redelivery', async () => {
    const { events, group, app, record } = await scenario(
      { sessionTimeout: 6000, heartbeatInterval: 500 },
      { slowMs: 8000 },
    );
    let joins = 0;
    const consumer = app.get(KafkaEventServer).unwrap<Consumer>();
    const stopCounting = consumer.on(consumer.events.GROUP_JOIN, () => {
      joins += 1;
    });
    const slow = await record('item', { n: 1, behaviour: 'slow' });

    await eventually('the slow handler to finish', async () => (await effectsOf(group)).length === 1, 20_000);
    await eventually('its offset to be committed', () => caughtUp(group, events.topic));
    stopCounting();
    // An evicted member fails that commit, rejoins and gets the event again (a duplicate for the inbox).
    expect(joins).toBe(0);
    expect(await consumedCount(group, 'duplicate')).toBe(0);
    expect(await effectsOf(group)).toEqual([{ event_id: slow.id, aggregate_id: 'item', n: 1, attempt: 1 }]);
  }, 30_000);
});
