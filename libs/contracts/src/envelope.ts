/**
 * Whoever caused an event: a user, or the system itself (`userId: null`). Writers put `Role`s; readers get plain
 * strings, since a newer writer may know roles they do not.
 */
export interface Actor {
  readonly userId: string | null;
  readonly roles: readonly string[];
}

export const SYSTEM_ACTOR: Actor = Object.freeze({ userId: null, roles: Object.freeze([]) });

/** What every event carries around its payload (ARCHITECTURE.md "Event envelope"). */
export interface EventEnvelope<P extends object = object> {
  /** uuid v7, unique per event: the deduplication key of every inbox. */
  readonly id: string;
  readonly type: string;
  readonly version: number;
  /** ISO-8601 UTC. */
  readonly occurredAt: string;
  readonly aggregateType: string;
  /** Also the Kafka message key, so one aggregate's events stay in one partition, in order. */
  readonly aggregateId: string;
  readonly actor: Actor;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly payload: P;
}
