import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Projects, with the database guarding what it can (allowed values, non-negative money, an existing province) and
 * the indexes of each list:
 * - the catalogue of published projects, newest publication first (partial index);
 * - a founder's projects and the review queue (plain composite indexes, declared on the entity);
 * - search over title and summary that ignores Vietnamese diacritics: `unaccent` wrapped in an IMMUTABLE function
 *   (`unaccent()` itself is only STABLE, because its dictionary could change, so it cannot be indexed directly),
 *   a full-text index for words and prefixes, and a trigram index on the title for near-misses.
 */
export class Projects1790000000001 implements MigrationInterface {
  name = 'Projects1790000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS unaccent');
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    // The dictionary is named explicitly and schema-qualified, so the result does not depend on search_path.
    await queryRunner.query(`
      CREATE FUNCTION f_unaccent(text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$`);

    await queryRunner.query(`
      CREATE TABLE "projects" (
        "id" uuid NOT NULL,
        "owner_id" uuid NOT NULL,
        "status" character varying(32) NOT NULL,
        "version" integer NOT NULL,
        "title" character varying(200) NOT NULL,
        "summary" character varying(1000) NOT NULL,
        "description" text NOT NULL,
        "kind" character varying(32) NOT NULL,
        "sector" character varying(32) NOT NULL,
        "stage" character varying(32) NOT NULL,
        "province_code" character varying(2) NOT NULL,
        "commune" character varying(120) NOT NULL,
        "funding_ask" bigint NOT NULL,
        "team_size" integer NOT NULL,
        "target_groups" character varying(32) array NOT NULL,
        "ocop_stars" smallint,
        "certification_level" character varying(16),
        "website" character varying(300),
        "shared_contact_fields" character varying(16) array NOT NULL,
        "last_review_comment" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "submitted_at" TIMESTAMP WITH TIME ZONE,
        "first_submitted_at" TIMESTAMP WITH TIME ZONE,
        "published_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_projects" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_projects_status" CHECK ("status" IN ('draft', 'submitted', 'revision_requested', 'published', 'rejected', 'withdrawn', 'unpublished')),
        CONSTRAINT "CHK_projects_kind" CHECK ("kind" IN ('innovative_startup', 'business_startup', 'household_business', 'rural_industry', 'sme')),
        CONSTRAINT "CHK_projects_sector" CHECK ("sector" IN ('agriculture_food', 'handicrafts', 'tourism', 'education', 'health', 'manufacturing', 'clean_production', 'digital_it', 'trade_services', 'other')),
        CONSTRAINT "CHK_projects_stage" CHECK ("stage" IN ('idea', 'prototype', 'early_revenue', 'growth')),
        CONSTRAINT "CHK_projects_certification_level" CHECK ("certification_level" IN ('province', 'region', 'national')),
        CONSTRAINT "CHK_projects_funding_ask" CHECK ("funding_ask" >= 0),
        CONSTRAINT "CHK_projects_team_size" CHECK ("team_size" >= 1),
        CONSTRAINT "CHK_projects_ocop_stars" CHECK ("ocop_stars" BETWEEN 3 AND 5),
        CONSTRAINT "CHK_projects_version" CHECK ("version" >= 1),
        CONSTRAINT "FK_projects_province" FOREIGN KEY ("province_code") REFERENCES "provinces"("code")
          ON DELETE RESTRICT ON UPDATE CASCADE
      )`);
    await queryRunner.query(
      'CREATE INDEX "IDX_projects_owner" ON "projects" ("owner_id", "created_at", "id")',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_projects_status_submitted" ON "projects" ("status", "submitted_at", "id")',
    );
    await queryRunner.query(`
      CREATE INDEX "IDX_projects_catalogue" ON "projects"
        ((COALESCE("published_at", "first_submitted_at")) DESC, "id" DESC)
        WHERE "status" = 'published'`);
    await queryRunner.query(`
      CREATE INDEX "IDX_projects_search_document" ON "projects"
        USING gin (to_tsvector('simple'::regconfig, f_unaccent("title" || ' ' || "summary")))`);
    await queryRunner.query(`
      CREATE INDEX "IDX_projects_title_trigram" ON "projects"
        USING gin (lower(f_unaccent("title")) gin_trgm_ops)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "projects"');
    await queryRunner.query('DROP FUNCTION f_unaccent(text)');
  }
}
