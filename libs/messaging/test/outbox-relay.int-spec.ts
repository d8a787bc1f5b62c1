import { jest } from '@jest/globals';
import { type EventEnvelope, Role } from '@khoinghiep/contracts';
import { OutboxRelay, UnitOfWork } from '@khoinghiep/messaging';
import type { RequestContextStore } from '@khoinghiep/observability';
import { pendingSchemaChanges } from '@khoinghiep/persistence';
import { eventually } from '@khoinghiep/testing';
import { ClsServiceManager } from 'nestjs-cls';
import { useFixtureApps } from './support/fixture-apps.js';
import { readTopic } from './support/infra.js';

jest.setTimeout(30_000);

describe('outbox and relay (real PostgreSQL and Kafka)', () => {
  const fixtures = useFixtureApps('relay', 'relay-test');
  const { start, stop, freshEvents: fresh } = fixtures;

  const unpublished = async () =>
    Number(
      (
        await fixtures.db.dataSource.query(
          'SELECT count(*)::int AS n FROM outbox_event WHERE published_at IS NULL',
        )
      )[0].n,
    );

  it('ships tables that match their entities (no migration missing)', async () => {
    expect(await pendingSchemaChanges(fixtures.db.dataSource)).toEqual([]);
  });

  it('publishes committed events keyed by aggregate, in commit order per key, with the ids in headers', async () => {
    const events = await fresh();
    const app = await start({ topic: events.topic });
    const unitOfWork = app.get(UnitOfWork);
    const keys = ['project-a', 'project-b', 'project-c'];
    const recorded: EventEnvelope[] = [];
    await Promise.all(
      keys.map(async (key) => {
        for (let n = 0; n < 20; n++) {
          await unitOfWork.run(async (tx) => {
            recorded.push(tx.record(events.recorded, key, { n }));
          });
        }
      }),
    );

    await eventually('the outbox to drain', async () => (await unpublished()) === 0);
    const messages = await readTopic(events.topic);

    expect(messages).toHaveLength(60);
    for (const key of keys) {
      const ofKey = messages.filter((message) => message.key === key);
      expect(new Set(ofKey.map((message) => message.partition)).size).toBe(1);
      expect(ofKey.map((message) => JSON.parse(message.value ?? '').payload.n)).toEqual([
        ...Array(20).keys(),
      ]);
    }
    const first = recorded[0] as EventEnvelope;
    const published = messages.find((message) => message.headers['event-id'] === first.id);
    expect(JSON.parse(published?.value ?? '')).toEqual(first);
    expect(published?.headers).toMatchObject({
      'event-type': events.recorded.type,
      'event-version': '1',
      'correlation-id': first.correlationId,
      'causation-id': '',
    });
    expect(JSON.parse(published?.headers.actor ?? '')).toEqual(first.actor);
    expect(await app.get(OutboxRelay).backlog()).toEqual({ pending: 0, oldestAgeSeconds: 0, parked: 0 });
  });

  it('publishes nothing from a transaction that rolls back', async () => {
    const events = await fresh();
    const app = await start({ topic: events.topic });
    const unitOfWork = app.get(UnitOfWork);

    await expect(
      unitOfWork.run(async (tx) => {
        tx.record(events.recorded, 'k', { n: 1 });
        throw new Error('the command fails after recording');
      }),
    ).rejects.toThrow('the command fails');
    await unitOfWork.run(async (tx) => {
      tx.record(events.recorded, 'k', { n: 2 });
    });

    await eventually('the outbox to drain', async () => (await unpublished()) === 0);
    const messages = await readTopic(events.topic);
    expect(messages.map((message) => JSON.parse(message.value ?? '').payload.n)).toEqual([2]);
  });

  it('refuses to record a payload that breaks its contract, failing the command', async () => {
    const events = await fresh();
    const app = await start({ topic: events.topic, relay: { enabled: false } });
    await expect(
      app.get(UnitOfWork).run(async (tx) => {
        tx.record(events.recorded, 'k', { n: -1 });
      }),
    ).rejects.toThrow(/payload\.n/);
  });

  it('stamps the correlation id and actor of the request, and joins an enclosing unit of work', async () => {
    const events = await fresh();
    const app = await start({ topic: events.topic, relay: { enabled: false } });
    const unitOfWork = app.get(UnitOfWork);
    const store: RequestContextStore = {
      correlationId: 'req-7f3a',
      actor: { userId: '0194a9d2-3c6e-7a3b-8f1e-00000000000b', roles: ['founder', 'system'] },
    };

    const [outer, inner] = await ClsServiceManager.getClsService<RequestContextStore>().runWith(store, () =>
      unitOfWork.run(async (tx) => {
        const first = tx.record(events.recorded, 'k', { n: 1 });
        const second = await unitOfWork.run(async (nested) => {
          expect(nested.manager).toBe(tx.manager);
          return nested.record(events.recorded, 'k', { n: 2 });
        });
        return [first, second];
      }),
    );

    expect(outer).toMatchObject({
      correlationId: 'req-7f3a',
      causationId: null,
      actor: { userId: '0194a9d2-3c6e-7a3b-8f1e-00000000000b', roles: [Role.Founder] },
    });
    expect(inner?.correlationId).toBe('req-7f3a');
    const rows: { id: string }[] = await fixtures.db.dataSource.query(
      'SELECT id FROM outbox_event WHERE id = ANY($1::uuid[]) ORDER BY seq',
      [[outer?.id, inner?.id]],
    );
    expect(rows.map((row) => row.id)).toEqual([outer?.id, inner?.id]);
  });

  it('keeps one leader per database; a standby takes over when it stops, woken by NOTIFY rather than polling', async () => {
    const events = await fresh();
    // A poll far longer than the test: only a wake-up can explain prompt publishing.
    const relay = { pollIntervalMs: 60_000 };
    const first = await start({ topic: events.topic, service: 'relay-a', relay });
    await eventually('a leader', async () => first.get(OutboxRelay).isLeading());
    const second = await start({ topic: events.topic, service: 'relay-b', relay });
    // The standby has asked for the leader lock and is waiting behind the leader's.
    await eventually(
      'the standby to wait for the leader lock',
      async () =>
        (
          await fixtures.db.dataSource.query(
            `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
             AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
          )
        )[0].n === 1,
    );
    expect(second.get(OutboxRelay).isLeading()).toBe(false);

    // Committed in the standby's process: the leader hears of it through NOTIFY.
    const committedAt = Date.now();
    await second.get(UnitOfWork).run(async (tx) => {
      tx.record(events.recorded, 'k', { n: 1 });
    });
    await eventually('the leader to publish', async () => (await unpublished()) === 0, 5000, 5);
    expect(Date.now() - committedAt).toBeLessThan(2000);

    await stop(first);
    await eventually('the standby to lead', async () => second.get(OutboxRelay).isLeading(), 5000);
    await second.get(UnitOfWork).run(async (tx) => {
      tx.record(events.recorded, 'k', { n: 2 });
    });
    await eventually('the new leader to publish', async () => (await unpublished()) === 0, 5000, 5);

    const messages = await readTopic(events.topic);
    expect(messages.map((message) => JSON.parse(message.value ?? '').payload.n)).toEqual([1, 2]);
  });
});
