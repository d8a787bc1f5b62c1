import { MESSAGING_MIGRATIONS } from '@khoinghiep/messaging';
import { Users1790000001000 } from './1790000001000-users.js';
import { AccountStatus1790000002000 } from './1790000002000-account-status.js';
import { SecondFactor1791000004000 } from './1791000004000-second-factor.js';

/** Every migration of the gateway database, oldest first (the outbox and inbox tables come from messaging). */
export const gatewayMigrations = [
  ...MESSAGING_MIGRATIONS,
  Users1790000001000,
  AccountStatus1790000002000,
  SecondFactor1791000004000,
];
