import { LedgerTransactionReversed } from '@khoinghiep/contracts';
import { UnitOfWork } from '@khoinghiep/messaging';
import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { validate as isUuid } from 'uuid';
import {
  AlreadyReversedError,
  LedgerTransactionNotFoundError,
  ReversalNotReversibleError,
} from './ledger.errors.js';
import { Ledger, type PostedTransaction } from './ledger.service.js';
import { reversed } from './ledger-journal.js';
import { LedgerTransaction } from './ledger-transaction.entity.js';

export interface ReversalCommand {
  transactionId: string;
  actorId: string;
  reason: string;
  idempotencyKey?: string | null;
}

/**
 * Corrects a posted transaction the only way the ledger allows: a reversing transaction with the opposite lines,
 * in one unit of work with its event. The original row is locked so two reversals cannot race (and the unique
 * `reversal_of` would refuse the second anyway).
 */
@Injectable()
export class LedgerReversalService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly ledger: Ledger,
  ) {}

  reverse(command: ReversalCommand): Promise<PostedTransaction> {
    return this.unitOfWork.run(async (tx) => {
      const original = isUuid(command.transactionId)
        ? await this.txHost.tx.findOne(LedgerTransaction, {
            where: { id: command.transactionId },
            lock: { mode: 'pessimistic_write' },
          })
        : null;
      if (!original) throw new LedgerTransactionNotFoundError(command.transactionId);
      if (original.kind === 'reversal') throw new ReversalNotReversibleError(original.id);
      const earlier = await this.txHost.tx.findOneBy(LedgerTransaction, { reversalOf: original.id });
      if (earlier) throw new AlreadyReversedError(original.id, earlier.id);

      const { lines } = await this.ledger.find(original.id);
      const posted = await this.ledger.post(
        { kind: 'reversal', reference: original.reference, lines: reversed(lines) },
        {
          actorId: command.actorId,
          idempotencyKey: command.idempotencyKey ?? null,
          memo: command.reason,
          reversalOf: original.id,
        },
      );
      const amount = lines.reduce((sum, line) => (line.amount > 0n ? sum + line.amount : sum), 0n);
      tx.record(LedgerTransactionReversed, original.id, {
        transactionId: original.id,
        reversalId: posted.transaction.id,
        reason: command.reason,
        amount: amount.toString(),
      });
      return posted;
    });
  }
}
