import {
  NOTIFICATION_KINDS,
  PROJECT_SECTORS,
  PROJECT_STAGES,
  SAVED_SEARCH_LIMITS,
} from '@khoinghiep/contracts';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { allOf, oneOf, SAVED_SEARCH_CHECKS } from '../sql-checks.js';

/**
 * Saved searches and in-app notifications (ADR 0029). The database holds the rules that concurrency could break:
 * at most `SAVED_SEARCH_LIMITS.perInvestor` searches per investor (a trigger counting under a per-investor advisory
 * lock, so two saves at once cannot both pass at the limit), at most one notification per recipient and subject
 * (a unique index), and the filter keys the search-finding index reads (a trigger, so they always follow the
 * filters). Changing the limit means a new migration replacing `saved_searches_per_investor`.
 */
export class SavedSearchesAndNotifications1792000005000 implements MigrationInterface {
  name = 'SavedSearchesAndNotifications1792000005000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "saved_searches" (
        "id" uuid NOT NULL,
        "investor_id" uuid NOT NULL,
        "name" character varying(120) NOT NULL,
        "sectors" character varying(32) array NOT NULL,
        "stages" character varying(32) array NOT NULL,
        "province_codes" character varying(2) array NOT NULL,
        "ask_min" bigint,
        "ask_max" bigint,
        "query" text,
        "query_terms" text array NOT NULL,
        "min_score" smallint NOT NULL,
        "notify" boolean NOT NULL,
        "filter_keys" text array NOT NULL DEFAULT '{}',
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_saved_searches" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_saved_searches_sectors" CHECK (${allOf('sectors', PROJECT_SECTORS)}),
        CONSTRAINT "CHK_saved_searches_stages" CHECK (${allOf('stages', PROJECT_STAGES)}),
        CONSTRAINT "CHK_saved_searches_ask" CHECK (${SAVED_SEARCH_CHECKS.ask}),
        CONSTRAINT "CHK_saved_searches_min_score" CHECK (${SAVED_SEARCH_CHECKS.minScore})
      )`);
    await queryRunner.query(
      'CREATE INDEX "IDX_saved_searches_investor" ON "saved_searches" ("investor_id", "created_at", "id")',
    );
    await queryRunner.query(`
      CREATE FUNCTION saved_searches_filter_keys() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.filter_keys :=
          (CASE WHEN cardinality(NEW.sectors) = 0 THEN ARRAY['sector:*']
                ELSE ARRAY(SELECT 'sector:' || code FROM unnest(NEW.sectors) AS code) END)
          || (CASE WHEN cardinality(NEW.stages) = 0 THEN ARRAY['stage:*']
                ELSE ARRAY(SELECT 'stage:' || code FROM unnest(NEW.stages) AS code) END)
          || (CASE WHEN cardinality(NEW.province_codes) = 0 THEN ARRAY['province:*']
                ELSE ARRAY(SELECT 'province:' || code FROM unnest(NEW.province_codes) AS code) END);
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "TRG_saved_searches_filter_keys"
        BEFORE INSERT OR UPDATE ON "saved_searches"
        FOR EACH ROW EXECUTE FUNCTION saved_searches_filter_keys()`);
    await queryRunner.query(
      'CREATE INDEX "IDX_saved_searches_filter_keys" ON "saved_searches" USING gin ("filter_keys") WHERE "notify"',
    );
    await queryRunner.query(`
      CREATE FUNCTION saved_searches_per_investor() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtextextended('saved_searches:' || NEW.investor_id::text, 0));
        IF (SELECT count(*) FROM saved_searches WHERE investor_id = NEW.investor_id) >= ${SAVED_SEARCH_LIMITS.perInvestor} THEN
          RAISE EXCEPTION 'an investor keeps at most ${SAVED_SEARCH_LIMITS.perInvestor} saved searches'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'CHK_saved_searches_per_investor';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "TRG_saved_searches_per_investor"
        BEFORE INSERT ON "saved_searches"
        FOR EACH ROW EXECUTE FUNCTION saved_searches_per_investor()`);

    await queryRunner.query(`
      CREATE TABLE "notifications" (
        "id" uuid NOT NULL,
        "recipient_id" uuid NOT NULL,
        "kind" character varying(32) NOT NULL,
        "subject" character varying(160) NOT NULL,
        "title_vi" text NOT NULL,
        "title_en" text NOT NULL,
        "text_vi" text NOT NULL,
        "text_en" text NOT NULL,
        "link" character varying(300) NOT NULL,
        "source_event_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "read_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_notifications" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_notifications_kind" CHECK (${oneOf('kind', NOTIFICATION_KINDS)})
      )`);
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_notifications_recipient_subject" ON "notifications" ("recipient_id", "subject")',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_notifications_recipient" ON "notifications" ("recipient_id", "created_at", "id")',
    );
    await queryRunner.query(`
      CREATE INDEX "IDX_notifications_recipient_unread" ON "notifications" ("recipient_id", "created_at", "id")
        WHERE "read_at" IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "notifications"');
    await queryRunner.query('DROP TABLE "saved_searches"');
    await queryRunner.query('DROP FUNCTION saved_searches_per_investor');
    await queryRunner.query('DROP FUNCTION saved_searches_filter_keys');
  }
}
