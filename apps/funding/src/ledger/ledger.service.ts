import { Clock, IdGenerator } from '@khoinghiep/clock';
import type { LedgerTransactionView, TrialBalanceView } from '@khoinghiep/contracts';
import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { QueryFailedError } from 'typeorm';
import {
  InsufficientBalanceError,
  LedgerTransactionNotFoundError,
  UnbalancedTransactionError,
} from './ledger.errors.js';
import { LedgerBalance } from './ledger-balance.entity.js';
import { LedgerEntry } from './ledger-entry.entity.js';
import {
  inLockOrder,
  type JournalEntry,
  type LedgerAccount,
  type LedgerLine,
  unbalancedReason,
} from './ledger-journal.js';
import { LedgerTransaction } from './ledger-transaction.entity.js';

export interface PostOptions {
  actorId?: string | null;
  idempotencyKey?: string | null;
  memo?: string | null;
  /** Only for `reversal` transactions. */
  reversalOf?: string | null;
}

/** A posted transaction and its lines. */
export interface PostedTransaction {
  transaction: LedgerTransaction;
  lines: LedgerLine[];
}

/** Whether a database error is the balance CHECK refusing a posting. */
function isNegativeBalance(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23514' && driverError.constraint === 'CHK_ledger_balances_not_negative';
}

/**
 * The double-entry ledger of the funding service (ADR 0016). `post` writes inside the caller's transaction (the
 * command's unit of work), so the posting commits or rolls back with the business change, its audit and its events;
 * the database keeps balances, refuses an unbalanced or negative-making posting, and never lets one be changed.
 */
@Injectable()
export class Ledger {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  /** Posts `entry` in the current transaction; `409` when an account would go below zero. */
  async post(entry: JournalEntry, options: PostOptions = {}): Promise<PostedTransaction> {
    if (!this.txHost.isTransactionActive())
      throw new Error('Ledger.post outside a transaction: post from the command’s unit of work');
    const reason = unbalancedReason(entry.lines);
    if (reason) throw new UnbalancedTransactionError(reason);
    const transaction = Object.assign(new LedgerTransaction(), {
      id: this.ids.next(),
      kind: entry.kind,
      reference: entry.reference,
      occurredAt: this.clock.now(),
      actorId: options.actorId ?? null,
      idempotencyKey: options.idempotencyKey ?? null,
      reversalOf: options.reversalOf ?? null,
      memo: options.memo ?? null,
    });
    const lines = inLockOrder(entry.lines);
    const tx = this.txHost.tx;
    await tx.insert(LedgerTransaction, transaction);
    try {
      await tx.insert(
        LedgerEntry,
        lines.map((line) => ({
          id: this.ids.next(),
          transactionId: transaction.id,
          accountKind: line.account.kind,
          accountReference: line.account.reference,
          amount: line.amount.toString(),
        })),
      );
    } catch (error) {
      if (isNegativeBalance(error)) throw new InsufficientBalanceError(error);
      throw error;
    }
    return { transaction, lines };
  }

  /** The account's balance, debit positive (0 for an account never posted to). Joins the current transaction. */
  async balance(account: LedgerAccount): Promise<bigint> {
    const row = await this.txHost.tx.findOneBy(LedgerBalance, {
      accountKind: account.kind,
      accountReference: account.reference,
    });
    return row ? BigInt(row.balance) : 0n;
  }

  /** A transaction and its lines. */
  async find(transactionId: string): Promise<PostedTransaction> {
    const transaction = await this.txHost.tx.findOneBy(LedgerTransaction, { id: transactionId });
    if (!transaction) throw new LedgerTransactionNotFoundError(transactionId);
    const entries = await this.txHost.tx.find(LedgerEntry, {
      where: { transactionId },
      order: { accountKind: 'ASC', accountReference: 'ASC' },
    });
    return {
      transaction,
      lines: entries.map((entry) => ({
        account: { kind: entry.accountKind, reference: entry.accountReference },
        amount: BigInt(entry.amount),
      })),
    };
  }

  /** Every account with its balance; debits equal credits, so `total` is "0". */
  async trialBalance(): Promise<TrialBalanceView> {
    const rows = await this.txHost.tx.find(LedgerBalance, {
      order: { accountKind: 'ASC', accountReference: 'ASC' },
    });
    let debit = 0n;
    let credit = 0n;
    for (const row of rows) {
      const balance = BigInt(row.balance);
      if (balance > 0n) debit += balance;
      else credit -= balance;
    }
    return {
      lines: rows.map((row) => ({
        accountKind: row.accountKind,
        accountReference: row.accountReference,
        balance: row.balance,
      })),
      totalDebit: debit.toString(),
      totalCredit: credit.toString(),
      total: (debit - credit).toString(),
      asOf: this.clock.now().toISOString(),
    };
  }
}

/** The API's view of a posted transaction. */
export function toTransactionView({ transaction, lines }: PostedTransaction): LedgerTransactionView {
  return {
    id: transaction.id,
    kind: transaction.kind,
    reference: transaction.reference,
    occurredAt: transaction.occurredAt.toISOString(),
    actorId: transaction.actorId,
    reversalOf: transaction.reversalOf,
    memo: transaction.memo,
    entries: lines.map((line) => ({
      accountKind: line.account.kind,
      accountReference: line.account.reference,
      amount: line.amount.toString(),
    })),
  };
}
