import { jest } from '@jest/globals';
import { UnitOfWork } from '@khoinghiep/messaging';
import { eventually } from '@khoinghiep/testing';
import { type ItemEvents, itemEvents } from './fixtures/item-events.js';
import { useFixtureApps } from './support/fixture-apps.js';
import { BROKERS, caughtUp, committedOffsets, createTopic, newRunId, readTopic } from './support/infra.js';
import { buildFixtures, FixtureProcess } from './support/processes.js';

jest.setTimeout(60_000);

const PUBLISHED = 'SELECT count(*)::int AS n FROM outbox_event WHERE topic = $1 AND published_at IS NOT NULL';
const UNPUBLISHED = 'SELECT count(*)::int AS n FROM outbox_event WHERE topic = $1 AND published_at IS NULL';

// Relays and consumers run as real processes and are killed with SIGKILL: no shutdown hook, no cleanup,
// exactly what a crash or an OOM kill leaves behind.
describe('crash recovery with real processes (real PostgreSQL and Kafka)', () => {
  const fixtures = useFixtureApps('crash', 'crash-writer');
  const processes: FixtureProcess[] = [];

  const spawn = (program: 'relay-process' | 'consumer-process', config: object) => {
    const fixture = new FixtureProcess(program, config);
    processes.push(fixture);
    return fixture;
  };

  /** An in-process app that writes events; `relay` says whether it also publishes them. */
  const writer = async (events: ItemEvents, relay: boolean) =>
    (await fixtures.start({ topic: events.topic, relay: { enabled: relay } })).get(UnitOfWork);

  const count = async (sql: string, parameters: unknown[] = []) =>
    Number((await fixtures.db.dataSource.query(sql, parameters))[0].n);

  beforeAll(() => {
    buildFixtures();
  });

  afterEach(async () => {
    await Promise.all(processes.splice(0).map((fixture) => fixture.kill('SIGKILL')));
  });

  it('delivers every event when the relay is killed between publishing a batch and marking it', async () => {
    const events = await fixtures.freshEvents();
    const unitOfWork = await writer(events, false);
    for (let start = 0; start < 1000; start += 100) {
      await unitOfWork.run(async (tx) => {
        for (let n = start; n < start + 100; n++) {
          tx.record(events.recorded, `item-${n % 10}`, { n });
        }
      });
    }
    const relayConfig = {
      service: 'crash-relay',
      databaseUrl: fixtures.db.url,
      brokers: BROKERS,
      topic: events.topic,
      relay: { batchSize: 100 },
    };

    const doomed = spawn('relay-process', { ...relayConfig, stallAfterBatches: 3 });
    expect(await doomed.next('stalled')).toMatchObject({ batch: 3, count: 100 });
    // Three batches are in Kafka, two are marked: the third is published but the outbox does not know it (the
    // stalled send never returns, so it cannot be marked).
    await eventually('two batches marked', async () => (await count(PUBLISHED, [events.topic])) === 200);
    expect(await doomed.kill('SIGKILL')).toBe('SIGKILL');

    const successor = spawn('relay-process', relayConfig);
    await successor.next('ready');
    await eventually('the outbox to drain', async () => (await count(UNPUBLISHED, [events.topic])) === 0);

    const messages = await readTopic(events.topic);
    const ids = new Set(messages.map((message) => message.headers['event-id']));
    expect(ids.size).toBe(1000);
    expect(messages).toHaveLength(1100); // the unmarked batch went out twice: at least once, never lost
    for (let key = 0; key < 10; key++) {
      const seen = new Set<number>();
      const firstDeliveries = messages
        .filter((message) => message.key === `item-${key}`)
        .map((message) => JSON.parse(message.value ?? '').payload.n as number)
        .filter((n) => !seen.has(n) && seen.add(n));
      expect(firstDeliveries).toEqual([...Array(100).keys()].map((i) => i * 10 + key));
    }
    expect(await successor.kill('SIGTERM')).toBe(0);
  });

  it('applies every event exactly once when the consumer is killed mid-handler', async () => {
    const run = newRunId();
    const events = itemEvents(run);
    await createTopic(events.topic);
    const unitOfWork = await writer(events, true);
    const stallAt = 150;
    for (let n = 0; n < 300; n++) {
      await unitOfWork.run(async (tx) => {
        tx.record(events.recorded, `item-${n % 6}`, n === stallAt ? { n, behaviour: 'stall' } : { n });
      });
    }
    await eventually('the events in Kafka', async () => (await count(UNPUBLISHED, [events.topic])) === 0);
    const group = `mtest-crash-${run}`;
    const consumerConfig = {
      service: 'crash-consumer',
      databaseUrl: fixtures.db.url,
      brokers: BROKERS,
      topic: events.topic,
      run,
      group,
      relay: { enabled: false },
      // Offsets are committed at the end of each batch only, so the crash leaves handled events uncommitted.
      consumer: { groupId: group, sessionTimeout: 6000, heartbeatInterval: 1000, commitIntervalMs: 60_000 },
    };
    const effects = () => count('SELECT count(*)::int AS n FROM test_effect WHERE consumer = $1', [group]);

    const doomed = spawn('consumer-process', { ...consumerConfig, stall: true });
    const stalled = await doomed.next('stalled');
    const partition = Number(stalled.partition);
    const committed = await committedOffsets(group, events.topic);
    // The offset of the event in hand is not committed, and neither is its effect (still in its transaction).
    expect(committed.get(partition) ?? -1n).toBeLessThanOrEqual(BigInt(String(stalled.offset)));
    expect(
      await count('SELECT count(*)::int AS n FROM test_effect WHERE event_id = $1', [stalled.eventId]),
    ).toBe(0);
    // Applied (effect committed) but not yet committed in Kafka: these will come again after the restart.
    const appliedNotCommitted = (
      (await fixtures.db.dataSource.query(
        'SELECT kafka_partition, kafka_offset FROM test_effect WHERE consumer = $1',
        [group],
      )) as { kafka_partition: number; kafka_offset: string }[]
    ).filter((effect) => BigInt(effect.kafka_offset) >= (committed.get(effect.kafka_partition) ?? 0n)).length;
    expect(await doomed.kill('SIGKILL')).toBe('SIGKILL');

    const successor = spawn('consumer-process', { ...consumerConfig, stall: false });
    await successor.next('ready');
    await eventually('every effect', async () => (await effects()) === 300, 30_000);
    await eventually('every offset committed', () => caughtUp(group, events.topic));

    expect(await effects()).toBe(300);
    expect(
      await count('SELECT count(DISTINCT n)::int AS n FROM test_effect WHERE consumer = $1', [group]),
    ).toBe(300);
    expect(await count('SELECT count(*)::int AS n FROM inbox_event WHERE consumer = $1', [group])).toBe(300);
    // Each event applied before the crash but not committed in Kafka came again, and the inbox recognised it.
    const report = await successor.ask('report', 'report');
    const duplicates = (report.values as { labels: { outcome: string }; value: number }[])
      .filter(({ labels }) => labels.outcome === 'duplicate')
      .reduce((sum, { value }) => sum + value, 0);
    expect(duplicates).toBe(appliedNotCommitted);
    expect(await successor.kill('SIGTERM')).toBe(0);
  });
});
