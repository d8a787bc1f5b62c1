import type pg from 'pg';

/** An outbox row as the relay publishes it; `envelope` is the JSON text, sent as is. */
export interface PendingEvent {
  seq: string;
  id: string;
  topic: string;
  key: string;
  type: string;
  version: number;
  envelope: string;
  correlationId: string;
  causationId: string | null;
  actor: string;
}

/** Oldest unpublished events first (served by the partial index on `seq`). */
export async function fetchPending(client: pg.Client, limit: number): Promise<PendingEvent[]> {
  const result = await client.query<PendingEvent>(
    `SELECT seq, id, topic, key, type, version, envelope::text AS envelope,
            envelope->>'correlationId' AS "correlationId", envelope->>'causationId' AS "causationId",
            (envelope->'actor')::text AS actor
       FROM outbox_event WHERE published_at IS NULL ORDER BY seq LIMIT $1`,
    [limit],
  );
  return result.rows;
}

export async function markPublished(client: pg.Client, events: PendingEvent[]): Promise<void> {
  await client.query('UPDATE outbox_event SET published_at = now() WHERE seq = ANY($1::bigint[])', [
    events.map((event) => event.seq),
  ]);
}

export async function countPending(query: (sql: string) => Promise<{ count: string }[]>): Promise<number> {
  const [row] = await query('SELECT count(*)::text AS count FROM outbox_event WHERE published_at IS NULL');
  return Number(row?.count ?? 0);
}
