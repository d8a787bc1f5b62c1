/** Every migration of the gateway database, oldest first. */
export const gatewayMigrations = [];
