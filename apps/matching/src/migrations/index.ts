/** Every migration of the matching database, oldest first. */
export const matchingMigrations = [];
