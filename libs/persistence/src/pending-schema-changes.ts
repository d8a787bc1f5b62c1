import type { DataSource } from 'typeorm';

/**
 * SQL that would make the database match the entities after all migrations ran. Empty when migrations are complete;
 * CI fails on anything else (a missing migration).
 */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return sql.upQueries.map((query) => query.query);
}
