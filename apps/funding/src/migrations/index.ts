import { IdempotencyRecords1791000005000 } from '@khoinghiep/api';
import { MESSAGING_MIGRATIONS } from '@khoinghiep/messaging';
import { Ledger1791000005001 } from './1791000005001-ledger.js';

/** Every migration of the funding database, oldest first. */
export const fundingMigrations = [
  ...MESSAGING_MIGRATIONS,
  IdempotencyRecords1791000005000,
  Ledger1791000005001,
];
