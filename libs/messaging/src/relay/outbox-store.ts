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

export type Query = <R>(sql: string, parameters?: unknown[]) => Promise<R[]>;

/**
 * Oldest unpublished events after `after` first (served by the partial index on `seq`), leaving out those
 * already sent whose marking is still under way. Starting past what was already sent matters: until vacuum
 * runs, the index keeps an entry for every row published since, and a scan from the start walks them all.
 */
export async function fetchPending(
  client: pg.Client,
  limit: number,
  after: string,
  sentNotMarked: string[],
): Promise<PendingEvent[]> {
  const result = await client.query<PendingEvent>(
    `SELECT seq, id, topic, key, type, version, envelope::text AS envelope,
            envelope->>'correlationId' AS "correlationId", envelope->>'causationId' AS "causationId",
            (envelope->'actor')::text AS actor
       FROM outbox_event
      WHERE published_at IS NULL AND seq > $2 AND NOT (seq = ANY($3::bigint[]))
      ORDER BY seq LIMIT $1`,
    [limit, after, sentNotMarked],
  );
  return result.rows;
}

export async function markPublished(query: Query, events: PendingEvent[]): Promise<void> {
  await query('UPDATE outbox_event SET published_at = now() WHERE seq = ANY($1::bigint[])', [
    events.map((event) => event.seq),
  ]);
}

export async function countPending(query: Query): Promise<number> {
  const [row] = await query<{ count: string }>(
    'SELECT count(*)::text AS count FROM outbox_event WHERE published_at IS NULL',
  );
  return Number(row?.count ?? 0);
}
