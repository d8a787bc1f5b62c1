/**
 * SQL that makes a table append-only: a trigger refusing every UPDATE and DELETE with a message saying what to do
 * instead. For migrations: run `appendOnly(...).up` after creating the table, `.down` after dropping it.
 */
export function appendOnly(table: string, instead: string): { up: string[]; down: string[] } {
  const guard = `${table}_append_only`;
  return {
    up: [
      `CREATE FUNCTION ${guard}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '${table} is append-only: ${instead}';
      END $$`,
      `CREATE TRIGGER "TRG_${guard}" BEFORE UPDATE OR DELETE ON "${table}"
      FOR EACH ROW EXECUTE FUNCTION ${guard}()`,
    ],
    down: [`DROP FUNCTION ${guard}`],
  };
}
