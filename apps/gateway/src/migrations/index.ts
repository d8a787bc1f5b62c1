import { Users1790000001000 } from './1790000001000-users.js';

/** Every migration of the gateway database, oldest first. */
export const gatewayMigrations = [Users1790000001000];
