import { IsNotEmpty, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { defineEvent } from '../define-event.js';
import { TOPICS } from '../topics.js';

// Events of the funding ledger on `funding.events`, keyed by the reversed transaction's id. Postings made by a
// business command travel in that command's own event (approval, tranche paid…); a reversal is a command of its own.

/** A ledger transaction was corrected by a reversing transaction. */
export class LedgerTransactionReversedPayload {
  @IsUUID()
  transactionId!: string;

  @IsUUID()
  reversalId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;

  /** Whole đồng moved back, the sum of the reversed debits, as an integer string. */
  @Matches(/^(0|[1-9][0-9]{0,17})$/)
  amount!: string;
}

export const LedgerTransactionReversed = defineEvent({
  topic: TOPICS.funding.name,
  type: 'funding.ledger_transaction.reversed',
  version: 1,
  aggregateType: 'ledger_transaction',
  payload: LedgerTransactionReversedPayload,
});
