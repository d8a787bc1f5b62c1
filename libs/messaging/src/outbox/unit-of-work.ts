import { AsyncLocalStorage } from 'node:async_hooks';
import { type EventContract, type EventEnvelope, validatePayload } from '@khoinghiep/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel.js';
import { v7 as uuidv7 } from 'uuid';
import { OutboxSignal } from '../relay/outbox-signal.js';
import { buildEnvelope } from './envelope.js';
import { type EventOrigin, originOfEvent, originOfRequest } from './event-origin.js';
import { insertOutboxRows, type OutboxRow } from './outbox-writer.js';
import { InvalidEventError, type Transaction } from './transaction.js';

export interface UnitOfWorkOptions {
  isolationLevel?: IsolationLevel;
}

/**
 * Runs a command as one database transaction whose recorded events go to the outbox in that same transaction;
 * after commit the relay is woken. A `run` inside another `run` (or inside an event handler) joins the
 * enclosing transaction, so domain services can use it whoever calls them.
 */
@Injectable()
export class UnitOfWork {
  private readonly logger = new Logger(UnitOfWork.name);
  private readonly ambient = new AsyncLocalStorage<OutboxTransaction>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly signal: OutboxSignal,
  ) {}

  run<T>(work: (tx: Transaction) => Promise<T>, options: UnitOfWorkOptions = {}): Promise<T> {
    const enclosing = this.ambient.getStore();
    return enclosing ? work(enclosing) : this.runNew(work, null, options);
  }

  /** A new transaction for handling `cause` (used by the event consumer): its events name `cause` as causation. */
  runCausedBy<T>(cause: EventEnvelope, work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.runNew(work, cause, {});
  }

  private async runNew<T>(
    work: (tx: Transaction) => Promise<T>,
    cause: EventEnvelope | null,
    options: UnitOfWorkOptions,
  ): Promise<T> {
    let tx: OutboxTransaction | undefined;
    const body = async (manager: EntityManager) => {
      tx = new OutboxTransaction(manager, () => (cause ? originOfEvent(cause) : originOfRequest()));
      const result = await this.ambient.run(tx, () => work(tx as OutboxTransaction));
      await insertOutboxRows(manager, tx.rows);
      return result;
    };
    const result = options.isolationLevel
      ? await this.dataSource.transaction(options.isolationLevel, body)
      : await this.dataSource.transaction(body);
    if (tx) {
      await this.afterCommit(tx);
    }
    return result;
  }

  private async afterCommit(tx: OutboxTransaction): Promise<void> {
    if (tx.rows.length > 0) {
      this.signal.committed();
    }
    for (const callback of tx.afterCommitCallbacks) {
      try {
        await callback();
      } catch (error) {
        // The transaction is committed: failing the command now would misreport what happened.
        this.logger.error(`after-commit callback failed: ${(error as Error).stack ?? String(error)}`);
      }
    }
  }
}

class OutboxTransaction implements Transaction {
  readonly rows: OutboxRow[] = [];
  readonly afterCommitCallbacks: (() => void | Promise<void>)[] = [];
  private origin?: EventOrigin;

  constructor(
    readonly manager: EntityManager,
    private readonly originOf: () => EventOrigin,
  ) {}

  record<P extends object>(contract: EventContract<P>, aggregateId: string, payload: P): EventEnvelope<P> {
    const checked = validatePayload(contract, payload);
    if (!checked.ok) {
      throw new InvalidEventError(contract.type, checked.problems);
    }
    // One origin per transaction: all its events share the correlation id, even when none came with a request.
    this.origin ??= this.originOf();
    const envelope = buildEnvelope(contract, aggregateId, payload, this.origin, {
      id: uuidv7(),
      occurredAt: new Date(),
    });
    this.rows.push({ topic: contract.topic, envelope });
    return envelope;
  }

  afterCommit(callback: () => void | Promise<void>): void {
    this.afterCommitCallbacks.push(callback);
  }
}
