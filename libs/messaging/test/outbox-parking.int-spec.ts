import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { jest } from '@jest/globals';
import { UnitOfWork } from '@khoinghiep/messaging';
import { eventually } from '@khoinghiep/testing';
import { register } from 'prom-client';
import { v7 as uuidv7 } from 'uuid';
import { useFixtureApps } from './support/fixture-apps.js';
import { readTopic } from './support/infra.js';

jest.setTimeout(60_000);

const SERVICE = 'messaging_parking';

describe('events Kafka refuses for good (real PostgreSQL and Kafka)', () => {
  const fixtures = useFixtureApps('parking', 'parking-test');
  const fresh = fixtures.freshEvents;
  const start = (topic: string, maxMessageBytes?: number) => fixtures.start({ topic, maxMessageBytes });

  it('refuses to record an event larger than the broker takes: the command fails, nothing is committed', async () => {
    const events = await fresh();
    const app = await start(events.topic, 300);
    const before = await fixtures.db.dataSource.query('SELECT count(*)::int AS n FROM outbox_event');
    await expect(
      app.get(UnitOfWork).run(async (tx) => tx.record(events.recorded, 'x'.repeat(180), { n: 1 })),
    ).rejects.toThrow(/cannot be published: about \d+ bytes, over the 300 the broker takes/);
    expect(await fixtures.db.dataSource.query('SELECT count(*)::int AS n FROM outbox_event')).toEqual(before);
  });

  it('parks a row Kafka refuses, holds its key behind it, lets other keys go on, and releases it', async () => {
    const events = await fresh();
    const app = await start(events.topic);
    const record = (key: string, n: number) =>
      app.get(UnitOfWork).run(async (tx) => tx.record(events.recorded, key, { n }));

    const first = await record('held', 1);
    // A row Kafka will refuse (over the broker's 1 MiB), as one written before the size check or before the
    // broker's limit was lowered.
    const poisonId = uuidv7();
    const envelope = {
      ...first,
      id: poisonId,
      payload: { n: 2, padding: 'x'.repeat(1_200_000) },
    };
    await fixtures.db.dataSource.query(
      'INSERT INTO outbox_event (id, topic, key, type, version, envelope) VALUES ($1, $2, $3, $4, 1, $5::jsonb)',
      [poisonId, events.topic, 'held', events.recorded.type, JSON.stringify(envelope)],
    );
    const behind = await record('held', 3);
    const other = await record('other', 4);

    const published = async (key?: string) =>
      (await readTopic(events.topic))
        .filter((message) => key === undefined || message.key === key)
        .map((message) => message.headers['event-id']);
    await eventually('the other key to go on', async () => (await published()).includes(other.id));
    const [parked] = await fixtures.db.dataSource.query(
      'SELECT parked_at IS NOT NULL AS parked, park_error FROM outbox_event WHERE id = $1',
      [poisonId],
    );
    expect(parked).toEqual({ parked: true, park_error: expect.stringMatching(/TOO_LARGE/) });
    expect((await published()).sort()).toEqual([first.id, other.id].sort());
    const metrics = await register.metrics();
    expect(metrics).toMatch(/messaging_outbox_parked\{service="parking-test"\} 1/);
    expect(metrics).toMatch(/messaging_outbox_parked_total\{service="parking-test",topic="[^"]+"\} 1/);

    // The cause dealt with (here: the row made smaller), the operator releases it: it and its key go on, in order.
    await fixtures.db.dataSource.query(
      "UPDATE outbox_event SET envelope = envelope #- '{payload,padding}' WHERE id = $1",
      [poisonId],
    );
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['libs/messaging/dist/relay/outbox-release.cli.js', '--service', SERVICE, '--id', poisonId],
      { env: { ...process.env, DATABASE_PREFIX: process.env.DATABASE_PREFIX ?? 'khoinghiep_test_' } },
    );
    expect(JSON.parse(stdout)).toMatchObject({ service: SERVICE, count: 1, released: [{ id: poisonId }] });
    await eventually('the held key to go on', async () => (await published()).includes(behind.id));
    expect(await published('held')).toEqual([first.id, poisonId, behind.id]);
    expect(await published('other')).toEqual([other.id]);
  });
});
