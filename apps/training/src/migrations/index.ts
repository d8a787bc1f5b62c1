import { MESSAGING_MIGRATIONS } from '@khoinghiep/messaging';

/** Every migration of the training database, oldest first. */
export const trainingMigrations = [...MESSAGING_MIGRATIONS];
