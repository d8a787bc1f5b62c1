import { appendOnly } from '@khoinghiep/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { INTEREST_CHECKS, INTRODUCTION_CHECKS } from '../interests/interest-checks.js';

const PIPELINE_APPEND_ONLY = appendOnly('pipeline_entries', 'record a new status instead');

/**
 * Interest → consent → introduction (ADR 0027): investors' interests in projects with the limits that stop spam held
 * by the database (one open interest per investor and project: a partial unique index; a daily cap: one counter row
 * per investor and Vietnam day, incremented atomically), introductions with both sides' contacts as shared when the
 * founder accepted, and the investor's pipeline history (append-only).
 */
export class InterestsAndIntroductions1792000004000 implements MigrationInterface {
  name = 'InterestsAndIntroductions1792000004000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "interests" (
        "id" uuid NOT NULL,
        "project_id" uuid NOT NULL,
        "project_owner_id" uuid NOT NULL,
        "project_title" character varying(200) NOT NULL,
        "investor_id" uuid NOT NULL,
        "investor_name" character varying(503) NOT NULL,
        "message" text NOT NULL,
        "status" character varying(16) NOT NULL,
        "decline_reason" text,
        "introduction_id" uuid,
        "expressed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "closed_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_interests" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_interests_status" CHECK (${INTEREST_CHECKS.status}),
        CONSTRAINT "CHK_interests_message" CHECK (${INTEREST_CHECKS.message}),
        CONSTRAINT "CHK_interests_closed" CHECK (${INTEREST_CHECKS.closed}),
        CONSTRAINT "CHK_interests_decline_reason" CHECK (${INTEREST_CHECKS.declineReason}),
        CONSTRAINT "CHK_interests_introduction" CHECK (${INTEREST_CHECKS.introduction})
      )`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX "UQ_interests_open_pair" ON "interests" ("investor_id", "project_id")
      WHERE "status" = 'open'`);
    await queryRunner.query(
      'CREATE INDEX "IDX_interests_investor" ON "interests" ("investor_id", "expressed_at", "id")',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_interests_project_owner" ON "interests" ("project_owner_id", "expressed_at", "id")',
    );

    await queryRunner.query(`
      CREATE TABLE "interest_daily_counts" (
        "investor_id" uuid NOT NULL,
        "day" date NOT NULL,
        "expressed" integer NOT NULL,
        CONSTRAINT "PK_interest_daily_counts" PRIMARY KEY ("investor_id", "day"),
        CONSTRAINT "CHK_interest_daily_counts_expressed" CHECK (${INTEREST_CHECKS.dailyCount})
      )`);

    await queryRunner.query(`
      CREATE TABLE "introductions" (
        "id" uuid NOT NULL,
        "interest_id" uuid NOT NULL,
        "project_id" uuid NOT NULL,
        "project_owner_id" uuid NOT NULL,
        "project_title" character varying(200) NOT NULL,
        "investor_id" uuid NOT NULL,
        "investor_name" character varying(503) NOT NULL,
        "founder_contact" jsonb NOT NULL,
        "investor_contact" jsonb NOT NULL,
        "made_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "pipeline_status" character varying(16),
        "pipeline_amount" bigint,
        CONSTRAINT "PK_introductions" PRIMARY KEY ("id"),
        CONSTRAINT "FK_introductions_interest" FOREIGN KEY ("interest_id") REFERENCES "interests"("id")
          ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "CHK_introductions_pipeline_status" CHECK (${INTRODUCTION_CHECKS.pipelineStatus}),
        CONSTRAINT "CHK_introductions_pipeline_amount" CHECK (${INTRODUCTION_CHECKS.pipelineAmount})
      )`);
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_introductions_interest" ON "introductions" ("interest_id")',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_introductions_investor" ON "introductions" ("investor_id", "made_at", "id")',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_introductions_project_owner" ON "introductions" ("project_owner_id", "made_at", "id")',
    );

    await queryRunner.query(`
      CREATE TABLE "pipeline_entries" (
        "id" uuid NOT NULL,
        "introduction_id" uuid NOT NULL,
        "status" character varying(16) NOT NULL,
        "amount" bigint,
        "note" text,
        "recorded_by" uuid NOT NULL,
        "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_pipeline_entries" PRIMARY KEY ("id"),
        CONSTRAINT "FK_pipeline_entries_introduction" FOREIGN KEY ("introduction_id")
          REFERENCES "introductions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "CHK_pipeline_entries_status" CHECK (${INTRODUCTION_CHECKS.entryStatus}),
        CONSTRAINT "CHK_pipeline_entries_amount" CHECK (${INTRODUCTION_CHECKS.entryAmount})
      )`);
    await queryRunner.query(
      'CREATE INDEX "IDX_pipeline_entries_introduction" ON "pipeline_entries" ("introduction_id", "recorded_at", "id")',
    );
    for (const statement of PIPELINE_APPEND_ONLY.up) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "pipeline_entries"');
    for (const statement of PIPELINE_APPEND_ONLY.down) await queryRunner.query(statement);
    await queryRunner.query('DROP TABLE "introductions"');
    await queryRunner.query('DROP TABLE "interest_daily_counts"');
    await queryRunner.query('DROP TABLE "interests"');
  }
}
