import type { EntityManager } from 'typeorm';

/**
 * Records that `consumer` is applying `eventId`, in the handler's transaction. False when it already did: the
 * event is a redelivery. A concurrent delivery of the same event waits here until the first one commits.
 */
export async function claimInbox(
  manager: EntityManager,
  consumer: string,
  eventId: string,
): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    'INSERT INTO inbox_event (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id',
    [consumer, eventId],
  );
  return rows.length === 1;
}
