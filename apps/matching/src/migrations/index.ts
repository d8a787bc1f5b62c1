import { MESSAGING_MIGRATIONS } from '@khoinghiep/messaging';

/** Every migration of the matching database, oldest first. */
export const matchingMigrations = [...MESSAGING_MIGRATIONS];
