/** Every migration of the training database, oldest first. */
export const trainingMigrations = [];
