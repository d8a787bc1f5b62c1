import type { MigrationInterface, QueryRunner } from 'typeorm';
import { matchListChecks } from '../sql-checks.js';

/** The size every stored list is held to here; `MATCH_LIST_SIZE` in the code (a new size needs a new migration). */
const LIST_SIZE = 50;
const investorChecks = matchListChecks('entries', 'floor_score', 'floor_project_id', LIST_SIZE);
const projectChecks = matchListChecks(
  'list_entries',
  'list_floor_score',
  'list_floor_investor_id',
  LIST_SIZE,
);

/**
 * What the match index keeps beside the stored lists (ADR 0024): each list's floor (its last entry) and the weights
 * version it was built with, per investor in `investor_match_lists` and per project in `catalogued_projects`; the
 * queue of lists to refill; the weights version the index builds with. A statement-level trigger refuses any insert
 * that leaves a list above 50 matches, whatever the code does.
 */
export class MatchIndex1792000002000 implements MigrationInterface {
  name = 'MatchIndex1792000002000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE SEQUENCE "investor_match_list_changes"');
    await queryRunner.query(`
      CREATE TABLE "investor_match_lists" (
        "investor_id" uuid NOT NULL,
        "active" boolean NOT NULL,
        "profile_revision" bigint,
        "weights_version_id" uuid,
        "entries" smallint NOT NULL DEFAULT 0,
        "floor_score" double precision,
        "floor_project_id" uuid,
        "change_number" bigint NOT NULL DEFAULT nextval('investor_match_list_changes'),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_investor_match_lists" PRIMARY KEY ("investor_id"),
        CONSTRAINT "CHK_investor_match_lists_entries" CHECK (${investorChecks.entries}),
        CONSTRAINT "CHK_investor_match_lists_floor" CHECK (${investorChecks.floor})
      )`);
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_investor_match_lists_change" ON "investor_match_lists" ("change_number")',
    );

    await queryRunner.query(`
      ALTER TABLE "catalogued_projects"
        ADD "list_entries" smallint NOT NULL DEFAULT 0,
        ADD "list_floor_score" double precision,
        ADD "list_floor_investor_id" uuid,
        ADD "list_weights_version_id" uuid,
        ADD CONSTRAINT "CHK_catalogued_projects_list_entries" CHECK (${projectChecks.entries}),
        ADD CONSTRAINT "CHK_catalogued_projects_list_floor" CHECK (${projectChecks.floor})`);

    await queryRunner.query(`
      CREATE TABLE "match_refills" (
        "side" character varying(8) NOT NULL,
        "owner_id" uuid NOT NULL,
        "reason" character varying(16) NOT NULL,
        "enqueued_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_match_refills" PRIMARY KEY ("side", "owner_id"),
        CONSTRAINT "CHK_match_refills_side" CHECK ("side" IN ('investor', 'project')),
        CONSTRAINT "CHK_match_refills_reason" CHECK ("reason" IN ('removal', 'weights'))
      )`);
    await queryRunner.query(
      'CREATE INDEX "IDX_match_refills_queue" ON "match_refills" ("side", "enqueued_at")',
    );

    await queryRunner.query(`
      CREATE TABLE "match_index_state" (
        "id" smallint NOT NULL,
        "weights_version_id" uuid NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_match_index_state" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_match_index_state_single" CHECK ("id" = 1),
        CONSTRAINT "FK_match_index_state_weights" FOREIGN KEY ("weights_version_id")
          REFERENCES "match_weight_versions" ("id")
      )`);
    // The version the foundation seeded is the first in force.
    await queryRunner.query(`
      INSERT INTO "match_index_state" ("id", "weights_version_id", "updated_at")
      SELECT 1, "id", now() FROM "match_weight_versions" ORDER BY "effective_from", "recorded_at" LIMIT 1`);

    for (const [table, owner] of [
      ['investor_matches', 'investor_id'],
      ['project_matches', 'project_id'],
    ] as const) {
      await queryRunner.query(`
        CREATE FUNCTION ${table}_within_size() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
          crowded uuid;
        BEGIN
          SELECT m."${owner}" INTO crowded FROM "${table}" m
          WHERE m."${owner}" IN (SELECT DISTINCT "${owner}" FROM added)
          GROUP BY m."${owner}" HAVING count(*) > ${LIST_SIZE} LIMIT 1;
          IF crowded IS NOT NULL THEN
            RAISE EXCEPTION 'a stored match list holds at most ${LIST_SIZE} matches (${owner} %)', crowded
              USING ERRCODE = 'check_violation';
          END IF;
          RETURN NULL;
        END $$`);
      await queryRunner.query(`
        CREATE TRIGGER "TRG_${table}_within_size" AFTER INSERT ON "${table}"
        REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION ${table}_within_size()`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['investor_matches', 'project_matches']) {
      await queryRunner.query(`DROP TRIGGER "TRG_${table}_within_size" ON "${table}"`);
      await queryRunner.query(`DROP FUNCTION ${table}_within_size`);
    }
    await queryRunner.query('DROP TABLE "match_index_state"');
    await queryRunner.query('DROP TABLE "match_refills"');
    await queryRunner.query(`
      ALTER TABLE "catalogued_projects"
        DROP CONSTRAINT "CHK_catalogued_projects_list_floor",
        DROP CONSTRAINT "CHK_catalogued_projects_list_entries",
        DROP COLUMN "list_weights_version_id",
        DROP COLUMN "list_floor_investor_id",
        DROP COLUMN "list_floor_score",
        DROP COLUMN "list_entries"`);
    await queryRunner.query('DROP TABLE "investor_match_lists"');
    await queryRunner.query('DROP SEQUENCE "investor_match_list_changes"');
  }
}
