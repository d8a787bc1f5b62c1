import type { EventContract, EventEnvelope } from '@khoinghiep/contracts';
import { BaseRpcContext } from '@nestjs/microservices';
import type { EntityManager } from 'typeorm';
import type { Transaction } from '../outbox/transaction.js';
import type { DeliveredMessage } from './delivered-message.js';

/**
 * What an `@EventPattern` handler gets with `@Ctx()`: the envelope, and the transaction that also holds the
 * inbox row, so the handler's effects and follow-on events commit (or roll back) with it.
 */
export class EventContext<P extends object = object> extends BaseRpcContext<
  [EventEnvelope<P>, Transaction, DeliveredMessage]
> {
  get envelope(): EventEnvelope<P> {
    return this.args[0];
  }

  get manager(): EntityManager {
    return this.args[1].manager;
  }

  get message(): DeliveredMessage {
    return this.args[2];
  }

  /** Records a follow-on event; its causationId is this event's id. */
  record<Q extends object>(contract: EventContract<Q>, aggregateId: string, payload: Q): EventEnvelope<Q> {
    return this.args[1].record(contract, aggregateId, payload);
  }

  afterCommit(callback: () => void | Promise<void>): void {
    this.args[1].afterCommit(callback);
  }
}
