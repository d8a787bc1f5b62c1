/** Every migration of the projects database, oldest first. */
export const projectsMigrations = [];
