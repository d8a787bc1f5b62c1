import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail of projects: one row per change, never rewritten. A trigger refuses UPDATE and DELETE so that
 * not even a bug or a hand-typed statement can alter history (TRUNCATE stays possible for test resets).
 */
export class ProjectHistory1790000000002 implements MigrationInterface {
  name = 'ProjectHistory1790000000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "project_history" (
        "id" uuid NOT NULL,
        "project_id" uuid NOT NULL,
        "action" character varying(32) NOT NULL,
        "from_status" character varying(32),
        "to_status" character varying(32) NOT NULL,
        "version" integer NOT NULL,
        "actor_id" uuid,
        "actor_roles" character varying(32) array NOT NULL,
        "comment" text,
        "changed_fields" character varying(64) array NOT NULL,
        "correlation_id" character varying(128),
        "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_project_history" PRIMARY KEY ("id"),
        CONSTRAINT "FK_project_history_project" FOREIGN KEY ("project_id") REFERENCES "projects"("id")
          ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      'CREATE INDEX "IDX_project_history_project" ON "project_history" ("project_id", "occurred_at", "id")',
    );
    await queryRunner.query(`
      CREATE FUNCTION project_history_is_append_only() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'project_history is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "TRG_project_history_append_only"
        BEFORE UPDATE OR DELETE ON "project_history"
        FOR EACH ROW EXECUTE FUNCTION project_history_is_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "project_history"');
    await queryRunner.query('DROP FUNCTION project_history_is_append_only()');
  }
}
