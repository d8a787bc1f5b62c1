import {
  CERTIFICATION_LEVELS,
  INVESTOR_CONTACT_FIELDS,
  INVESTOR_KINDS,
  PROJECT_KINDS,
  PROJECT_SECTORS,
  PROJECT_STAGES,
} from '@khoinghiep/contracts';
import { appendOnly } from '@khoinghiep/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { allOf, CATALOGUED_PROJECT_CHECKS, INVESTOR_PROFILE_CHECKS, oneOf } from '../sql-checks.js';

const WEIGHTS_APPEND_ONLY = appendOnly('match_weight_versions', 'record a new version instead');

/**
 * The tables every part of matching reads: investor profiles, the catalogue of published projects (fed by
 * `projects.events`), each side's stored best matches, and the dated match weights with the first version in force.
 * Also `f_unaccent`, the immutable diacritics fold that search indexes need (as in the projects database).
 */
export class MatchingFoundation1792000000000 implements MigrationInterface {
  name = 'MatchingFoundation1792000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS unaccent');
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await queryRunner.query(`
      CREATE FUNCTION f_unaccent(text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$`);

    await queryRunner.query('CREATE SEQUENCE "investor_profile_revisions"');
    await queryRunner.query(`
      CREATE TABLE "investor_profiles" (
        "investor_id" uuid NOT NULL,
        "kind" character varying(32) NOT NULL,
        "display_name" character varying(200) NOT NULL,
        "organisation" character varying(300),
        "sectors" character varying(32) array NOT NULL,
        "excluded_sectors" character varying(32) array NOT NULL,
        "stages" character varying(32) array NOT NULL,
        "ticket_min" bigint NOT NULL,
        "ticket_max" bigint NOT NULL,
        "province_codes" character varying(2) array NOT NULL,
        "provinces_only" boolean NOT NULL,
        "target_groups" character varying(32) array NOT NULL,
        "thesis" text NOT NULL,
        "thesis_terms" text array NOT NULL,
        "coinvest_with_state" boolean NOT NULL,
        "contact" jsonb NOT NULL,
        "shared_contact_fields" character varying(16) array NOT NULL,
        "published" boolean NOT NULL,
        "version" integer NOT NULL,
        "revision" bigint NOT NULL DEFAULT nextval('investor_profile_revisions'),
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_investor_profiles" PRIMARY KEY ("investor_id"),
        CONSTRAINT "CHK_investor_profiles_kind" CHECK (${oneOf('kind', INVESTOR_KINDS)}),
        CONSTRAINT "CHK_investor_profiles_sectors" CHECK (${allOf('sectors', PROJECT_SECTORS)}),
        CONSTRAINT "CHK_investor_profiles_excluded_sectors" CHECK (${allOf('excluded_sectors', PROJECT_SECTORS)}),
        CONSTRAINT "CHK_investor_profiles_stages" CHECK (${allOf('stages', PROJECT_STAGES)}),
        CONSTRAINT "CHK_investor_profiles_ticket" CHECK (${INVESTOR_PROFILE_CHECKS.ticket}),
        CONSTRAINT "CHK_investor_profiles_shared_contact" CHECK (${allOf('shared_contact_fields', INVESTOR_CONTACT_FIELDS)}),
        CONSTRAINT "CHK_investor_profiles_version" CHECK (${INVESTOR_PROFILE_CHECKS.version})
      )`);
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_investor_profiles_revision" ON "investor_profiles" ("revision")',
    );

    await queryRunner.query(`
      CREATE TABLE "catalogued_projects" (
        "project_id" uuid NOT NULL,
        "owner_id" uuid NOT NULL,
        "published" boolean NOT NULL,
        "title" character varying(200),
        "summary" text,
        "kind" character varying(32),
        "sector" character varying(32),
        "stage" character varying(32),
        "province_code" character varying(2),
        "commune" character varying(200),
        "funding_ask" bigint,
        "team_size" integer,
        "target_groups" character varying(32) array NOT NULL,
        "ocop_stars" smallint,
        "certification_level" character varying(16),
        "shared_contact_fields" character varying(16) array NOT NULL,
        "terms" text array NOT NULL,
        "training_completed" boolean NOT NULL DEFAULT false,
        "published_at" TIMESTAMP WITH TIME ZONE,
        "last_version" integer NOT NULL,
        "last_event_type" character varying(64) NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_catalogued_projects" PRIMARY KEY ("project_id"),
        CONSTRAINT "CHK_catalogued_projects_kind" CHECK (${oneOf('kind', PROJECT_KINDS)}),
        CONSTRAINT "CHK_catalogued_projects_sector" CHECK (${oneOf('sector', PROJECT_SECTORS)}),
        CONSTRAINT "CHK_catalogued_projects_stage" CHECK (${oneOf('stage', PROJECT_STAGES)}),
        CONSTRAINT "CHK_catalogued_projects_certification" CHECK (${oneOf('certification_level', CERTIFICATION_LEVELS)}),
        CONSTRAINT "CHK_catalogued_projects_version" CHECK (${CATALOGUED_PROJECT_CHECKS.version}),
        CONSTRAINT "CHK_catalogued_projects_published_facts" CHECK (${CATALOGUED_PROJECT_CHECKS.publishedFacts})
      )`);
    await queryRunner.query(
      'CREATE INDEX "IDX_catalogued_projects_published" ON "catalogued_projects" ("published", "project_id")',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_catalogued_projects_owner" ON "catalogued_projects" ("owner_id")',
    );

    for (const [table, owner, other] of [
      ['investor_matches', 'investor_id', 'project_id'],
      ['project_matches', 'project_id', 'investor_id'],
    ] as const) {
      await queryRunner.query(`
        CREATE TABLE "${table}" (
          "${owner}" uuid NOT NULL,
          "${other}" uuid NOT NULL,
          "score" double precision NOT NULL,
          "weights_version_id" uuid NOT NULL,
          "scored_at" TIMESTAMP WITH TIME ZONE NOT NULL,
          CONSTRAINT "PK_${table}" PRIMARY KEY ("${owner}", "${other}")
        )`);
      await queryRunner.query(
        `CREATE INDEX "IDX_${table}_rank" ON "${table}" ("${owner}", "score" DESC, "${other}")`,
      );
      await queryRunner.query(
        `CREATE INDEX "IDX_${table}_${other.replace('_id', '')}" ON "${table}" ("${other}")`,
      );
    }

    await queryRunner.query(`
      CREATE TABLE "match_weight_versions" (
        "id" uuid NOT NULL,
        "weights" jsonb NOT NULL,
        "effective_from" TIMESTAMP WITH TIME ZONE NOT NULL,
        "reason" text NOT NULL,
        "recorded_by" uuid,
        "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_match_weight_versions" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      'CREATE INDEX "IDX_match_weight_versions_effective" ON "match_weight_versions" ("effective_from")',
    );
    for (const statement of WEIGHTS_APPEND_ONLY.up) await queryRunner.query(statement);
    await queryRunner.query(`
      INSERT INTO "match_weight_versions" ("id", "weights", "effective_from", "reason", "recorded_by", "recorded_at")
      VALUES ('6a1f0c6e-3d0b-4f7e-9a55-2b1f8c0d9e01',
        '{"sector": 25, "stage": 15, "province_region": 15, "target_groups": 10, "ocop_certification": 10, "thesis_text": 15, "training": 10}',
        '2025-07-01T00:00:00Z',
        'Trọng số ban đầu / Initial weights', NULL, now())`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "match_weight_versions"');
    for (const statement of WEIGHTS_APPEND_ONLY.down) await queryRunner.query(statement);
    await queryRunner.query('DROP TABLE "project_matches"');
    await queryRunner.query('DROP TABLE "investor_matches"');
    await queryRunner.query('DROP TABLE "catalogued_projects"');
    await queryRunner.query('DROP TABLE "investor_profiles"');
    await queryRunner.query('DROP SEQUENCE "investor_profile_revisions"');
    await queryRunner.query('DROP FUNCTION f_unaccent');
  }
}
