import { Clock, IdGenerator } from '@khoinghiep/clock';
import { type EventContract, type EventEnvelope, validatePayload } from '@khoinghiep/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsService } from 'nestjs-cls';
import type { EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel.js';
import { OutboxSignal } from '../relay/outbox-signal.js';
import { buildEnvelope } from './envelope.js';
import { type EventOrigin, originOfEvent, originOfRequest } from './event-origin.js';
import { insertOutboxRows, type OutboxRow } from './outbox-writer.js';
import { InvalidEventError, type Transaction } from './transaction.js';

export interface UnitOfWorkOptions {
  isolationLevel?: IsolationLevel;
}

/** Runs `work` inside the consuming transaction as the handling of `cause`. */
export type ConsumeWithin = <R>(cause: EventEnvelope, work: (tx: Transaction) => Promise<R>) => Promise<R>;

/** The Transaction of the running work, kept in the CLS context beside the transaction nestjs-cls carries. */
const CURRENT = Symbol('khoinghiep.unit-of-work');

/**
 * Runs a command as one database transaction whose recorded events go to the outbox in that same transaction;
 * after commit the relay is woken. The transaction is nestjs-cls's (`@nestjs-cls/transactional`): code called from
 * `work` reaches it through `TransactionHost.tx` (or `@Transactional()`, which joins it) without passing it on.
 * A `run` inside another `run` (or inside an event handler) joins the enclosing transaction, so domain services can
 * use it whoever calls them.
 */
@Injectable()
export class UnitOfWork {
  private readonly logger = new Logger(UnitOfWork.name);

  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly cls: ClsService,
    private readonly signal: OutboxSignal,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  run<T>(work: (tx: Transaction) => Promise<T>, options: UnitOfWorkOptions = {}): Promise<T> {
    const enclosing: Transaction | undefined = this.cls.isActive() ? this.cls.get(CURRENT) : undefined;
    if (enclosing) {
      return work(enclosing);
    }
    if (this.txHost.isTransactionActive()) {
      // Its commit is not ours to follow: the events would be inserted but the relay never woken.
      throw new Error('UnitOfWork.run inside a transaction it did not start: start the command with run');
    }
    return this.transact(options, (tx) =>
      this.within(
        tx.scope(() => originOfRequest(() => this.ids.next())),
        work,
      ),
    );
  }

  /**
   * One transaction for handling consumed events (used by the event consumer): `work` gets the transaction's
   * manager and runs each handler through `consume`, so the events a handler records name its event as cause.
   */
  runConsuming<T>(work: (manager: EntityManager, consume: ConsumeWithin) => Promise<T>): Promise<T> {
    return this.transact({}, (tx) =>
      work(tx.manager, (cause, handle) =>
        this.within(
          tx.scope(() => originOfEvent(cause)),
          handle,
        ),
      ),
    );
  }

  private within<R>(scope: Transaction, work: (tx: Transaction) => Promise<R>): Promise<R> {
    return this.cls.run({ ifNested: 'inherit' }, () => {
      this.cls.set(CURRENT, scope);
      return work(scope);
    });
  }

  private async transact<T>(
    options: UnitOfWorkOptions,
    body: (tx: OutboxTransaction) => Promise<T>,
  ): Promise<T> {
    let tx: OutboxTransaction | undefined;
    const run = async () => {
      tx = new OutboxTransaction(this.txHost.tx, this.clock, this.ids);
      const result = await body(tx);
      await insertOutboxRows(tx.manager, tx.rows);
      return result;
    };
    const result = options.isolationLevel
      ? await this.txHost.withTransaction({ isolationLevel: options.isolationLevel }, run)
      : await this.txHost.withTransaction(run);
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

/** The database transaction and what it collects for the outbox and for after the commit. */
class OutboxTransaction {
  readonly rows: OutboxRow[] = [];
  readonly afterCommitCallbacks: (() => void | Promise<void>)[] = [];

  constructor(
    readonly manager: EntityManager,
    readonly clock: Clock,
    readonly ids: IdGenerator,
  ) {}

  /** The transaction as seen by one piece of work, whose events share one origin. */
  scope(originOf: () => EventOrigin): Transaction {
    return new TransactionScope(this, originOf);
  }
}

class TransactionScope implements Transaction {
  private origin?: EventOrigin;

  constructor(
    private readonly tx: OutboxTransaction,
    private readonly originOf: () => EventOrigin,
  ) {}

  get manager(): EntityManager {
    return this.tx.manager;
  }

  record<P extends object>(contract: EventContract<P>, aggregateId: string, payload: P): EventEnvelope<P> {
    const checked = validatePayload(contract, payload);
    if (!checked.ok) {
      throw new InvalidEventError(contract.type, checked.problems);
    }
    // Computed once: all the scope's events share the correlation id, even when none came with a request.
    this.origin ??= this.originOf();
    const envelope = buildEnvelope(contract, aggregateId, payload, this.origin, {
      id: this.tx.ids.next(),
      occurredAt: this.tx.clock.now(),
    });
    this.tx.rows.push({ topic: contract.topic, envelope });
    return envelope;
  }

  afterCommit(callback: () => void | Promise<void>): void {
    this.tx.afterCommitCallbacks.push(callback);
  }
}
