import { jest } from '@jest/globals';
import { Clock, IdGenerator } from '@khoinghiep/clock';
import { UnitOfWork } from '@khoinghiep/messaging';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { startFixtureApp } from './fixtures/fixture-app.js';
import { type ItemEvents, itemEvents } from './fixtures/item-events.js';
import {
  BROKERS,
  createTopic,
  deleteCreatedTopics,
  newRunId,
  prepareDatabase,
  type TestDatabase,
} from './support/infra.js';

jest.setTimeout(30_000);

const FIXED_TIME = new Date('2026-03-04T05:06:07.089Z');
const CORRELATION_ID = '0194a9d2-3c6e-7a3b-8f1e-0000000000c1';
const EVENT_ID = '0194a9d2-3c6e-7a3b-8f1e-0000000000e1';

describe('unit of work (real PostgreSQL, transactions carried by nestjs-cls)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let events: ItemEvents;
  let nextIds: string[];

  const unitOfWork = () => app.get(UnitOfWork);
  const txHost = () => app.get<TransactionHost<TransactionalAdapterTypeOrm>>(TransactionHost);
  const outboxRow = async (id: string) =>
    (await db.dataSource.query('SELECT envelope FROM outbox_event WHERE id = $1', [id]))[0] as
      | { envelope: Record<string, unknown> }
      | undefined;
  const effects = async (consumer: string) =>
    Number(
      (
        await db.dataSource.query('SELECT count(*)::int AS n FROM test_effect WHERE consumer = $1', [
          consumer,
        ])
      )[0].n,
    );
  const writeEffect = (consumer: string) =>
    txHost().tx.query(
      `INSERT INTO test_effect (consumer, event_id, aggregate_id, n, attempt, kafka_partition, kafka_offset)
       VALUES ($1, gen_random_uuid(), 'a', 1, 1, 0, 0)`,
      [consumer],
    );

  beforeAll(async () => {
    db = await prepareDatabase('unit_of_work');
    events = itemEvents(newRunId());
    await createTopic(events.topic);
    app = await startFixtureApp(
      { service: 'unit-of-work-test', databaseUrl: db.url, brokers: BROKERS, topic: events.topic },
      async (module) => {
        const testing = await Test.createTestingModule({ imports: [module] })
          .overrideProvider(Clock)
          .useValue({ now: () => new Date(FIXED_TIME) })
          .overrideProvider(IdGenerator)
          .useValue({ next: () => nextIds.shift() ?? 'no id left' })
          .compile();
        return testing.createNestApplication({ logger: ['error'] });
      },
    );
  });

  afterAll(async () => {
    await app?.close();
    await db?.dataSource.destroy();
    await deleteCreatedTopics();
  });

  it('stamps the envelope with the id and time of the clock and id ports', async () => {
    nextIds = [CORRELATION_ID, EVENT_ID];
    const envelope = await unitOfWork().run(async (tx) => tx.record(events.recorded, 'item-1', { n: 1 }));
    expect(envelope).toMatchObject({
      id: EVENT_ID,
      occurredAt: FIXED_TIME.toISOString(),
      correlationId: CORRELATION_ID,
    });
    expect((await outboxRow(EVENT_ID))?.envelope).toMatchObject({
      id: EVENT_ID,
      occurredAt: FIXED_TIME.toISOString(),
      correlationId: CORRELATION_ID,
      aggregateId: 'item-1',
    });
  });

  it('gives code called from the work the same transaction through TransactionHost: it rolls back with it', async () => {
    const consumer = `rollback-${newRunId()}`;
    nextIds = [`${CORRELATION_ID.slice(0, -2)}c2`, `${EVENT_ID.slice(0, -2)}e2`];
    await expect(
      unitOfWork().run(async (tx) => {
        await writeEffect(consumer);
        tx.record(events.recorded, 'item-2', { n: 2 });
        throw new Error('the command fails after writing');
      }),
    ).rejects.toThrow('the command fails after writing');
    expect(await effects(consumer)).toBe(0);
    expect(await outboxRow(`${EVENT_ID.slice(0, -2)}e2`)).toBeUndefined();
  });

  it('commits the host transaction, the nested run and the events together, then runs after-commit callbacks', async () => {
    const consumer = `commit-${newRunId()}`;
    nextIds = [`${CORRELATION_ID.slice(0, -2)}c3`, `${EVENT_ID.slice(0, -2)}e3`];
    const seen: number[] = [];
    await unitOfWork().run(async (tx) => {
      await writeEffect(consumer);
      tx.afterCommit(async () => {
        seen.push(await effects(consumer));
      });
      // A service called from the command joins it, whether through run or TransactionHost.
      await unitOfWork().run(async (inner) => inner.record(events.recorded, 'item-3', { n: 3 }));
      await txHost().withTransaction(() => writeEffect(consumer));
    });
    expect(await effects(consumer)).toBe(2);
    expect(await outboxRow(`${EVENT_ID.slice(0, -2)}e3`)).toBeDefined();
    expect(seen).toEqual([2]);
  });

  it('refuses to record events in a transaction it did not start, whose commit it cannot follow', async () => {
    await expect(
      txHost().withTransaction(() =>
        unitOfWork().run(async (tx) => tx.record(events.recorded, 'item-4', { n: 4 })),
      ),
    ).rejects.toThrow(/did not start/);
  });
});
