import type { EntityManager } from 'typeorm';

/**
 * Records that `consumer` is applying these events, in the handlers' transaction, and returns the ids it had not
 * applied before; the others are redeliveries. A concurrent delivery of the same event waits here until the
 * first one commits.
 */
export async function claimInbox(
  manager: EntityManager,
  consumer: string,
  eventIds: string[],
): Promise<Set<string>> {
  const rows: { event_id: string }[] = await manager.query(
    `INSERT INTO inbox_event (consumer, event_id) SELECT $1, id FROM unnest($2::uuid[]) AS id
     ON CONFLICT DO NOTHING RETURNING event_id`,
    [consumer, eventIds],
  );
  return new Set(rows.map((row) => row.event_id));
}
