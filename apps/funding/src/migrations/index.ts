import { MESSAGING_MIGRATIONS } from '@khoinghiep/messaging';
import { FundsAndCalls1791000002000 } from './1791000002000-funds-and-calls.js';

/** Every migration of the funding database, oldest first. */
export const fundingMigrations = [...MESSAGING_MIGRATIONS, FundsAndCalls1791000002000];
