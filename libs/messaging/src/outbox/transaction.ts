import type { EventContract, EventEnvelope } from '@khoinghiep/contracts';
import type { EntityManager } from 'typeorm';

/** One command's transaction: its state changes go through `manager`, its events through `record`. */
export interface Transaction {
  /** The transaction's EntityManager; use it (not an injected repository) for every read and write. */
  readonly manager: EntityManager;
  /**
   * Records an event in this transaction: it is published if and only if the transaction commits.
   * The payload is validated against the contract now, so a bad event fails the command, not a consumer.
   */
  record<P extends object>(contract: EventContract<P>, aggregateId: string, payload: P): EventEnvelope<P>;
  /** Runs after a successful commit (e.g. to refresh a cache); never if the transaction rolls back. */
  afterCommit(callback: () => void | Promise<void>): void;
}

/** A payload that breaks its contract. */
export class InvalidEventError extends Error {
  constructor(
    readonly type: string,
    readonly problems: string[],
  ) {
    super(`event ${type} breaks its contract: ${problems.join('; ')}`);
    this.name = 'InvalidEventError';
  }
}
