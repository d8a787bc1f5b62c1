export { appendOnly } from './append-only.js';
export { type DatabaseLocation, databaseLocationFor } from './database-url.js';
export { ensureDatabase } from './ensure-database.js';
export { pendingSchemaChanges } from './pending-schema-changes.js';
export { type AppPersistence, dataSourceOptionsFor, PersistenceModule } from './persistence.module.js';
export { type SearchTerm, searchTerms } from './search-terms.js';
export { SnakeNamingStrategy } from './snake-naming.strategy.js';
