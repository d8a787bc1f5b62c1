/** Every migration of the funding database, oldest first. */
export const fundingMigrations = [];
