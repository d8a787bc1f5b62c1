import { MessagingRetention } from '@khoinghiep/messaging';
import { v7 as uuidv7 } from 'uuid';
import { resolveMessagingOptions } from '../src/messaging.options.js';
import { prepareDatabase, type TestDatabase } from './support/infra.js';

describe('messaging retention', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await prepareDatabase('retention');
  });

  afterAll(async () => {
    await database.dataSource.destroy();
  });

  async function outboxRow(ageDays: number, published: boolean): Promise<string> {
    const id = uuidv7();
    await database.dataSource.query(
      `INSERT INTO outbox_event (id, topic, key, type, version, envelope, created_at, published_at)
       VALUES ($1::uuid, 'notes.events', $1::text, 'notes.note.written', 1, '{}', now() - make_interval(days => $2),
               CASE WHEN $3::boolean THEN now() - make_interval(days => $2) END)`,
      [id, ageDays, published],
    );
    return id;
  }

  async function inboxRow(ageDays: number): Promise<string> {
    const id = uuidv7();
    await database.dataSource.query(
      `INSERT INTO inbox_event (consumer, event_id, processed_at)
       VALUES ('notes', $1, now() - make_interval(days => $2))`,
      [id, ageDays],
    );
    return id;
  }

  it('deletes published outbox rows and inbox rows past their retention, and never an unpublished event', async () => {
    const oldPublished = await Promise.all([1, 2, 3].map(() => outboxRow(10, true)));
    const recentPublished = await outboxRow(1, true);
    const oldUnpublished = await outboxRow(60, false);
    const oldInbox = await Promise.all([1, 2].map(() => inboxRow(40)));
    const recentInbox = await inboxRow(5);
    const retention = new MessagingRetention(
      database.dataSource,
      resolveMessagingOptions({ service: 'notes', retention: { publishedOutboxDays: 7, inboxDays: 30 } }, {}),
    );

    expect(await retention.prune()).toEqual({ outbox: oldPublished.length, inbox: oldInbox.length });

    const outbox = await database.dataSource.query('SELECT id FROM outbox_event ORDER BY seq');
    expect(outbox.map((row: { id: string }) => row.id)).toEqual([recentPublished, oldUnpublished]);
    const inbox = await database.dataSource.query('SELECT event_id FROM inbox_event');
    expect(inbox.map((row: { event_id: string }) => row.event_id)).toEqual([recentInbox]);
    expect(await retention.prune()).toEqual({ outbox: 0, inbox: 0 });
  });
});
