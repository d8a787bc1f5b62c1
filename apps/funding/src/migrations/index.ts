import { MESSAGING_MIGRATIONS } from '@khoinghiep/messaging';

/** Every migration of the funding database, oldest first. */
export const fundingMigrations = [...MESSAGING_MIGRATIONS];
