import type { EntityManager } from 'typeorm';
import type { ListSide } from './match-refill.entity.js';

/** Where one side's lists live: the rows of the best matches, and the row of each list's bookkeeping. */
interface ListShape {
  readonly table: string;
  readonly owner: string;
  readonly other: string;
  readonly books: {
    readonly table: string;
    readonly key: string;
    readonly entries: string;
    readonly floorScore: string;
    readonly floorOther: string;
    readonly version: string;
    /** Set to the time of any change of the list, if the bookkeeping row has one. */
    readonly touched?: string;
  };
}

const SHAPES: Record<ListSide, ListShape> = {
  investor: {
    table: 'investor_matches',
    owner: 'investor_id',
    other: 'project_id',
    books: {
      table: 'investor_match_lists',
      key: 'investor_id',
      entries: 'entries',
      floorScore: 'floor_score',
      floorOther: 'floor_project_id',
      version: 'weights_version_id',
      touched: 'updated_at',
    },
  },
  project: {
    table: 'project_matches',
    owner: 'project_id',
    other: 'investor_id',
    books: {
      table: 'catalogued_projects',
      key: 'project_id',
      entries: 'list_entries',
      floorScore: 'list_floor_score',
      floorOther: 'list_floor_investor_id',
      version: 'list_weights_version_id',
    },
  },
};

/** A match offered to the list of `owner`. */
export interface Offer {
  readonly owner: string;
  readonly other: string;
  readonly score: number;
}

/** A whole list, best first (see `compareMatches`). */
export interface RankedList {
  readonly owner: string;
  readonly matches: readonly { readonly id: string; readonly score: number }[];
}

/** A list's size before and after a change. */
export interface ListSize {
  readonly owner: string;
  readonly before: number;
  readonly after: number;
}

/**
 * The SQL of one side's stored lists (`investor_matches` with `investor_match_lists`, or `project_matches` with the
 * `list_*` columns of `catalogued_projects`). Each statement keeps a list's bookkeeping (size, floor, weights
 * version) equal to its rows. The caller holds the index lock and the owners' rows: these only write.
 */
export class MatchLists {
  private readonly shape: ListShape;

  constructor(
    readonly side: ListSide,
    readonly size: number,
  ) {
    this.shape = SHAPES[side];
  }

  /** Replaces whole lists by the ones given (already cut to `size`), built with weights `versionId`. */
  async replace(manager: EntityManager, lists: readonly RankedList[], versionId: string, at: Date) {
    if (lists.length === 0) return;
    const { table, owner, books } = this.shape;
    const owners = lists.map((list) => list.owner);
    await manager.query(`DELETE FROM ${table} WHERE ${owner} = ANY($1::uuid[])`, [owners]);
    const floors = lists.map((list) => list.matches[list.matches.length - 1]);
    await manager.query(
      `WITH books AS (
         UPDATE ${books.table} b SET ${books.entries} = n.entries, ${books.floorScore} = n.floor_score,
           ${books.floorOther} = n.floor_other, ${books.version} = $5 ${this.touch('$9')}
         FROM unnest($1::uuid[], $2::int[], $3::float8[], $4::uuid[]) AS n(owner, entries, floor_score, floor_other)
         WHERE b.${books.key} = n.owner
       )
       ${this.insertRows('unnest($6::uuid[], $7::uuid[], $8::float8[])', '$5', '$9')}`,
      [
        owners,
        lists.map((list) => list.matches.length),
        floors.map((floor) => floor?.score ?? null),
        floors.map((floor) => floor?.id ?? null),
        versionId,
        lists.flatMap((list) => list.matches.map(() => list.owner)),
        lists.flatMap((list) => list.matches.map((match) => match.id)),
        lists.flatMap((list) => list.matches.map((match) => match.score)),
        at,
      ],
    );
  }

  /**
   * Puts each offer into its owner's list (replacing the pair's older score) and keeps the best `size` of each,
   * in one statement: the offers and the stored rows ranked together, the ones beyond `size` deleted, the floors
   * set from the same ranking. The caller has checked that each list is of weights `versionId`.
   */
  async merge(manager: EntityManager, offers: readonly Offer[], versionId: string, at: Date) {
    if (offers.length === 0) return;
    const { table, owner, other, books } = this.shape;
    await manager.query(
      `WITH offer AS (
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::float8[]) AS o(owner, other, score)
       ),
       stored AS (
         SELECT m.${owner} AS owner, m.${other} AS other, m.score, false AS offered FROM ${table} m
         WHERE m.${owner} IN (SELECT owner FROM offer)
           AND NOT EXISTS (SELECT 1 FROM offer o WHERE o.owner = m.${owner} AND o.other = m.${other})
       ),
       ranked AS (
         SELECT c.*, row_number() OVER (PARTITION BY c.owner ORDER BY c.score DESC, c.other) AS rank,
           count(*) OVER (PARTITION BY c.owner) AS total
         FROM (SELECT * FROM stored UNION ALL SELECT owner, other, score, true FROM offer) c
       ),
       dropped AS (
         DELETE FROM ${table} m USING ranked r
         WHERE r.rank > $4 AND m.${owner} = r.owner AND m.${other} = r.other
       ),
       books AS (
         UPDATE ${books.table} b SET ${books.entries} = least(r.total, $4), ${books.floorScore} = r.score,
           ${books.floorOther} = r.other ${this.touch('$6')}
         FROM ranked r WHERE b.${books.key} = r.owner AND r.rank = least(r.total, $4)
       )
       ${this.insertRows('(SELECT owner, other, score FROM ranked WHERE offered AND rank <= $4)', '$5', '$6')}
       ON CONFLICT (${owner}, ${other}) DO UPDATE SET score = EXCLUDED.score,
         weights_version_id = EXCLUDED.weights_version_id, scored_at = EXCLUDED.scored_at`,
      [
        offers.map((offer) => offer.owner),
        offers.map((offer) => offer.other),
        offers.map((offer) => offer.score),
        this.size,
        versionId,
        at,
      ],
    );
  }

  /** Deletes the pairs given and answers each touched list's size before and after. */
  async removePairs(
    manager: EntityManager,
    pairs: readonly { readonly owner: string; readonly other: string }[],
    at: Date,
  ): Promise<ListSize[]> {
    if (pairs.length === 0) return [];
    const { table, owner, other } = this.shape;
    const removed: Record<string, string>[] = await manager.query(
      `WITH removed AS (
         DELETE FROM ${table} m USING unnest($1::uuid[], $2::uuid[]) AS d(owner, other)
         WHERE m.${owner} = d.owner AND m.${other} = d.other RETURNING m.${owner} AS owner
       )
       SELECT owner FROM removed`,
      [pairs.map((pair) => pair.owner), pairs.map((pair) => pair.other)],
    );
    return this.recount(
      manager,
      removed.map((row) => row.owner as string),
      at,
    );
  }

  /** Takes `other` out of every list of this side; answers each touched list's size before and after. */
  async removeEverywhere(manager: EntityManager, otherId: string, at: Date): Promise<ListSize[]> {
    const { table, owner, other } = this.shape;
    const removed: Record<string, string>[] = await manager.query(
      `WITH removed AS (DELETE FROM ${table} WHERE ${other} = $1 RETURNING ${owner} AS owner)
       SELECT owner FROM removed`,
      [otherId],
    );
    return this.recount(
      manager,
      removed.map((row) => row.owner as string),
      at,
    );
  }

  /** Empties the list of each owner (its bookkeeping row stays, with no entries and no version). */
  async clear(manager: EntityManager, owners: readonly string[], at: Date): Promise<void> {
    if (owners.length === 0) return;
    const { table, owner, books } = this.shape;
    await manager.query(`DELETE FROM ${table} WHERE ${owner} = ANY($1::uuid[])`, [owners]);
    await manager.query(
      `UPDATE ${books.table} SET ${books.entries} = 0, ${books.floorScore} = NULL, ${books.floorOther} = NULL,
         ${books.version} = NULL ${this.touch('$2')}
       WHERE ${books.key} = ANY($1::uuid[])`,
      [owners, ...this.touchedAt(at)],
    );
  }

  /** Sets size and floor of the lists from their rows, after rows were deleted. */
  private async recount(manager: EntityManager, owners: string[], at: Date): Promise<ListSize[]> {
    if (owners.length === 0) return [];
    const { table, owner, other, books } = this.shape;
    // Wrapped in a SELECT: TypeORM answers an UPDATE or DELETE with [rows, count] instead of the rows.
    const rows: { owner: string; before: number; after: number }[] = await manager.query(
      `WITH updated AS (
       UPDATE ${books.table} b SET ${books.entries} = n.after, ${books.floorScore} = n.floor_score,
         ${books.floorOther} = n.floor_other ${this.touch('$2')}
       FROM (
         SELECT o.owner, old.${books.entries} AS before, counted.after, floor.score AS floor_score,
           floor.other AS floor_other
         FROM (SELECT DISTINCT owner FROM unnest($1::uuid[]) AS owner) o
         JOIN ${books.table} old ON old.${books.key} = o.owner
         CROSS JOIN LATERAL (SELECT count(*)::int AS after FROM ${table} WHERE ${owner} = o.owner) counted
         LEFT JOIN LATERAL (
           SELECT score, ${other} AS other FROM ${table} WHERE ${owner} = o.owner
           ORDER BY score, ${other} DESC LIMIT 1
         ) floor ON true
       ) n
       WHERE b.${books.key} = n.owner
       RETURNING n.owner, n.before, n.after
       )
       SELECT owner, before, after FROM updated`,
      [owners, ...this.touchedAt(at)],
    );
    return rows;
  }

  private insertRows(source: string, version: string, at: string): string {
    const { table, owner, other } = this.shape;
    return `INSERT INTO ${table} (${owner}, ${other}, score, weights_version_id, scored_at)
      SELECT s.*, ${version}::uuid, ${at}::timestamptz FROM ${source} AS s`;
  }

  /** SQL setting the bookkeeping row's time of change to parameter `at`, if it has one (see `touchedAt`). */
  private touch(at: string): string {
    const { touched } = this.shape.books;
    return touched ? `, ${touched} = ${at}` : '';
  }

  /** The parameter `touch` refers to, where the statement uses it only there. */
  private touchedAt(at: Date): Date[] {
    return this.shape.books.touched ? [at] : [];
  }
}
