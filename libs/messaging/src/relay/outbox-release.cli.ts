#!/usr/bin/env node
// npm run outbox:release -- --service projects [--id <event id> …]
// Puts outbox events the relay parked (Kafka refused them for good) back in line, after the cause is dealt with
// (the broker's limit raised, the row corrected). Without --id, every parked event of the service.
import { parseArgs } from 'node:util';
import { databaseLocationFor } from '@khoinghiep/persistence';
import pg from 'pg';
import { OUTBOX_CHANNEL } from './outbox-signal.js';
import { releaseParkedEvents } from './outbox-store.js';

const { values } = parseArgs({
  options: { service: { type: 'string' }, id: { type: 'string', multiple: true } },
});

if (!values.service) {
  console.error('usage: npm run outbox:release -- --service <service> [--id <event id> …]');
  process.exit(2);
}

const client = new pg.Client({ connectionString: databaseLocationFor(values.service, process.env).url });
try {
  await client.connect();
  const released = await releaseParkedEvents(
    async (sql, parameters) => (await client.query(sql, parameters)).rows,
    values.id,
  );
  // The relay wakes on this channel, as after a commit.
  await client.query('SELECT pg_notify($1, NULL)', [OUTBOX_CHANNEL]);
  console.log(JSON.stringify({ service: values.service, count: released.length, released }, null, 2));
} catch (error) {
  console.error(`release failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await client.end().catch(() => undefined);
}
