import { IdempotencyRecord } from '@khoinghiep/api';
import { MESSAGING_ENTITIES } from '@khoinghiep/messaging';
import { LedgerBalance } from './ledger/ledger-balance.entity.js';
import { LedgerEntry } from './ledger/ledger-entry.entity.js';
import { LedgerTransaction } from './ledger/ledger-transaction.entity.js';

/** Every entity of the funding database (the outbox and inbox of the messaging library included). */
export const fundingEntities = [
  ...MESSAGING_ENTITIES,
  IdempotencyRecord,
  LedgerBalance,
  LedgerEntry,
  LedgerTransaction,
];
