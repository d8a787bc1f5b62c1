import type { EntityManager } from 'typeorm';

/**
 * The advisory lock of the match index (ADR 0024), held until the transaction ends. Publishing a new project and
 * refilling lists take it shared: they run side by side, each list they change locked by its owner's row. Whatever
 * can lower a list's floor or change an investor (a removal, a republication, a profile change, a new weights
 * version in force, a rebuild) takes it exclusive, so that a cache of floors and profiles read under the shared
 * lock has seen every such change.
 */
export const MATCH_INDEX_LOCK = 7_920_002_000;

export type IndexLockMode = 'shared' | 'exclusive';

export async function lockIndex(manager: EntityManager, mode: IndexLockMode): Promise<void> {
  await manager.query(
    mode === 'shared' ? 'SELECT pg_advisory_xact_lock_shared($1)' : 'SELECT pg_advisory_xact_lock($1)',
    [MATCH_INDEX_LOCK],
  );
}
