import type { EntityManager } from 'typeorm';
import type { ListSide, RefillReason } from './match-refill.entity.js';

// The refill queue (`match_refills`): a list is queued in the transaction that left it short or outdated, and taken
// off in the transaction that rebuilds it, so a crash between the two leaves it queued.

export async function enqueueRefills(
  manager: EntityManager,
  side: ListSide,
  owners: readonly string[],
  reason: RefillReason,
  at: Date,
): Promise<void> {
  if (owners.length === 0) return;
  await manager.query(
    `INSERT INTO match_refills (side, owner_id, reason, enqueued_at)
     SELECT $1, owner, $3, $4 FROM unnest($2::uuid[]) AS owner
     ON CONFLICT (side, owner_id) DO NOTHING`,
    [side, owners, reason, at],
  );
}

/** Forgets queued refills of lists just rebuilt whole. */
export async function dropRefills(manager: EntityManager, side: ListSide, owners: readonly string[]) {
  if (owners.length === 0) return;
  await manager.query('DELETE FROM match_refills WHERE side = $1 AND owner_id = ANY($2::uuid[])', [
    side,
    owners,
  ]);
}

/**
 * Takes up to `limit` of the oldest queued lists of one side off the queue, skipping those another worker has taken
 * (its transaction still open): they come back if this transaction rolls back.
 */
export async function takeRefills(manager: EntityManager, side: ListSide, limit: number): Promise<string[]> {
  const rows: { owner_id: string }[] = await manager.query(
    `WITH taken AS (
       DELETE FROM match_refills WHERE (side, owner_id) IN (
         SELECT side, owner_id FROM match_refills WHERE side = $1
         ORDER BY enqueued_at, owner_id LIMIT $2 FOR UPDATE SKIP LOCKED
       ) RETURNING owner_id
     )
     SELECT owner_id FROM taken`,
    [side, limit],
  );
  return rows.map((row) => row.owner_id);
}
