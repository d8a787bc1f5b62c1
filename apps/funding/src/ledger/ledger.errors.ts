import { DomainError } from '@khoinghiep/http';

/** A posting would take an account below zero (the database's CHECK refused it): `409`. */
export class InsufficientBalanceError extends DomainError {
  constructor(cause?: unknown) {
    super({
      code: 'LEDGER_BALANCE_INSUFFICIENT',
      status: 409,
      cause,
      messages: {
        title: { vi: 'Không đủ số dư', en: 'Insufficient balance' },
        detail: {
          vi: 'Bút toán này làm một tài khoản sổ cái âm (ví dụ vượt ngân sách còn lại của đợt); không có gì được ghi.',
          en: 'This posting would take a ledger account below zero (e.g. beyond what is left of a call); nothing was recorded.',
        },
      },
    });
  }
}

/** Entries that cannot form a transaction (fewer than two, a zero amount, not summing to zero): a bug, `500`. */
export class UnbalancedTransactionError extends DomainError {
  constructor(reason: string) {
    super({
      code: 'LEDGER_UNBALANCED',
      status: 500,
      params: { reason },
      messages: {
        title: { vi: 'Bút toán không cân', en: 'Unbalanced transaction' },
        detail: { vi: 'Bút toán không hợp lệ: {reason}.', en: 'Invalid ledger transaction: {reason}.' },
      },
    });
  }
}

export class LedgerTransactionNotFoundError extends DomainError {
  constructor(transactionId: string) {
    super({
      code: 'LEDGER_TRANSACTION_NOT_FOUND',
      status: 404,
      params: { transactionId },
      extensions: { transactionId },
      messages: {
        title: { vi: 'Không tìm thấy giao dịch', en: 'Transaction not found' },
        detail: {
          vi: 'Không có giao dịch sổ cái {transactionId}.',
          en: 'There is no ledger transaction {transactionId}.',
        },
      },
    });
  }
}

export class AlreadyReversedError extends DomainError {
  constructor(transactionId: string, reversalId: string) {
    super({
      code: 'LEDGER_ALREADY_REVERSED',
      status: 409,
      params: { transactionId, reversalId },
      extensions: { transactionId, reversalId },
      messages: {
        title: { vi: 'Đã đảo', en: 'Already reversed' },
        detail: {
          vi: 'Giao dịch {transactionId} đã được đảo bởi {reversalId}.',
          en: 'Transaction {transactionId} was already reversed by {reversalId}.',
        },
      },
    });
  }
}

export class ReversalNotReversibleError extends DomainError {
  constructor(transactionId: string) {
    super({
      code: 'LEDGER_REVERSAL_NOT_REVERSIBLE',
      status: 409,
      params: { transactionId },
      messages: {
        title: { vi: 'Không đảo một bút toán đảo', en: 'A reversal is not reversed' },
        detail: {
          vi: '{transactionId} là bút toán đảo; hãy ghi lại nghiệp vụ đúng thay vì đảo nó.',
          en: '{transactionId} is a reversal; post the correct business event instead of reversing it.',
        },
      },
    });
  }
}
