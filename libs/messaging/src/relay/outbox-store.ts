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
 * Oldest unpublished events first, through the partial index on `seq`, leaving out those already sent whose
 * marking is still under way, parked ones, and those waiting behind a parked event of their key.
 */
export async function fetchPending(
  client: pg.Client,
  limit: number,
  sentNotMarked: string[],
): Promise<PendingEvent[]> {
  const result = await client.query<PendingEvent>(
    `SELECT seq, id, topic, key, type, version, envelope::text AS envelope,
            envelope->>'correlationId' AS "correlationId", envelope->>'causationId' AS "causationId",
            (envelope->'actor')::text AS actor
       FROM outbox_event o
      WHERE published_at IS NULL AND parked_at IS NULL AND NOT (seq = ANY($2::bigint[]))
        AND NOT EXISTS (SELECT FROM outbox_event p
                         WHERE p.parked_at IS NOT NULL AND p.topic = o.topic AND p.key = o.key AND p.seq < o.seq)
      ORDER BY seq LIMIT $1`,
    [limit, sentNotMarked],
  );
  return result.rows;
}

/**
 * Settings of the relay's own connection. Every published row leaves a dead entry in the partial index until
 * vacuum; a plain index scan flags the entries it finds dead so the next scans skip them, whereas the bitmap
 * scan the planner prefers revisits them all on every read (measured: 4.5 ms per read after 20k events, against
 * 0.06 ms). A read must never start past the oldest unpublished row (a cursor would skip a row whose
 * transaction took a lower seq but committed later, and with it its aggregate's order), so cheap reads from
 * the start are the way.
 */
export async function configureRelayConnection(client: pg.Client): Promise<void> {
  await client.query('SET enable_bitmapscan = off');
}

export async function markPublished(query: Query, events: PendingEvent[]): Promise<void> {
  await query('UPDATE outbox_event SET published_at = now() WHERE seq = ANY($1::bigint[])', [
    events.map((event) => event.seq),
  ]);
}

export interface OutboxBacklog {
  /** Rows committed, not published, not parked. */
  pending: number;
  /** Seconds since the oldest of those was committed; 0 when there is none. */
  oldestAgeSeconds: number;
  parked: number;
}

export async function outboxBacklog(query: Query): Promise<OutboxBacklog> {
  const [row] = await query<{ pending: string; age: string; parked: string }>(
    `SELECT count(*) FILTER (WHERE parked_at IS NULL)::text AS pending,
            coalesce(extract(epoch FROM now() - min(created_at) FILTER (WHERE parked_at IS NULL)), 0)::text AS age,
            count(*) FILTER (WHERE parked_at IS NOT NULL)::text AS parked
       FROM outbox_event WHERE published_at IS NULL`,
  );
  return {
    pending: Number(row?.pending ?? 0),
    oldestAgeSeconds: Math.max(0, Number(row?.age ?? 0)),
    parked: Number(row?.parked ?? 0),
  };
}

/** Sets a row Kafka refused for good aside, with the reason. */
export async function parkEvent(query: Query, event: PendingEvent, error: string): Promise<void> {
  await query('UPDATE outbox_event SET parked_at = now(), park_error = $2 WHERE seq = $1', [
    event.seq,
    error.slice(0, 4000),
  ]);
}

export interface ReleasedEvent {
  id: string;
  topic: string;
  key: string;
  type: string;
  /** Why Kafka had refused it. */
  parkError: string;
}

/** Puts parked rows (all, or those with the given ids) back in line, for the relay to try again. */
export function releaseParkedEvents(query: Query, ids?: string[]): Promise<ReleasedEvent[]> {
  return query<ReleasedEvent>(
    `WITH parked AS (
       SELECT seq, park_error FROM outbox_event
        WHERE parked_at IS NOT NULL AND ($1::uuid[] IS NULL OR id = ANY($1::uuid[])) FOR UPDATE)
     UPDATE outbox_event o SET parked_at = NULL, park_error = NULL FROM parked WHERE o.seq = parked.seq
     RETURNING o.id, o.topic, o.key, o.type, parked.park_error AS "parkError"`,
    [ids ?? null],
  );
}
