import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Funds and funding calls (đợt), with the database guarding what it can:
 * - allowed values (kinds, capital sources as columns, statuses, allocation rules, categories);
 * - a national fund has no province, a provincial one has one;
 * - capital by source is whole đồng, never negative; when a capital-share cap was applied (Decree 264/2025 for
 *   provincial venture funds), the provincial-budget share stays within the cap recorded on the row, with the rule
 *   version that set it;
 * - a call never commits more than its budget, nor less than nothing (`0 ≤ committed ≤ budget`), and closes after
 *   it opens;
 * - the history of funds and calls is append-only (a trigger refuses UPDATE and DELETE; TRUNCATE stays possible
 *   for test resets).
 */
export class FundsAndCalls1791000002000 implements MigrationInterface {
  name = 'FundsAndCalls1791000002000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "funds" (
        "id" uuid NOT NULL,
        "kind" character varying(32) NOT NULL,
        "name" character varying(200) NOT NULL,
        "owner_agency" character varying(200) NOT NULL,
        "province_code" character varying(2),
        "capital_central_budget" bigint NOT NULL,
        "capital_provincial_budget" bigint NOT NULL,
        "capital_private" bigint NOT NULL,
        "capital_association" bigint NOT NULL,
        "provincial_budget_cap_basis_points" integer,
        "capital_rule_version_id" character varying(64),
        "version" integer NOT NULL,
        "created_by" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_funds" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_funds_kind" CHECK ("kind" IN ('startup_fund', 'sme_support_fund', 'khuyen_cong_national', 'khuyen_cong_local', 'association_fund', 'provincial_venture_fund')),
        CONSTRAINT "CHK_funds_province_code" CHECK ("province_code" ~ '^[0-9]{2}$'),
        CONSTRAINT "CHK_funds_national_has_no_province" CHECK ("kind" <> 'khuyen_cong_national' OR "province_code" IS NULL),
        CONSTRAINT "CHK_funds_provincial_has_province" CHECK ("kind" NOT IN ('khuyen_cong_local', 'provincial_venture_fund') OR "province_code" IS NOT NULL),
        CONSTRAINT "CHK_funds_capital" CHECK ("capital_central_budget" >= 0 AND "capital_provincial_budget" >= 0 AND "capital_private" >= 0 AND "capital_association" >= 0),
        CONSTRAINT "CHK_funds_cap_basis_points" CHECK ("provincial_budget_cap_basis_points" BETWEEN 0 AND 10000),
        CONSTRAINT "CHK_funds_cap_has_rule_version" CHECK (("provincial_budget_cap_basis_points" IS NULL) = ("capital_rule_version_id" IS NULL)),
        CONSTRAINT "CHK_funds_provincial_budget_share" CHECK ("provincial_budget_cap_basis_points" IS NULL OR "capital_provincial_budget"::numeric * 10000 <= "provincial_budget_cap_basis_points"::numeric * ("capital_central_budget"::numeric + "capital_provincial_budget"::numeric + "capital_private"::numeric + "capital_association"::numeric)),
        CONSTRAINT "CHK_funds_version" CHECK ("version" >= 1)
      )`);
    await queryRunner.query('CREATE INDEX "IDX_funds_list" ON "funds" ("created_at", "id")');

    await queryRunner.query(`
      CREATE TABLE "fund_history" (
        "id" uuid NOT NULL,
        "fund_id" uuid NOT NULL,
        "action" character varying(32) NOT NULL,
        "version" integer NOT NULL,
        "actor_id" uuid,
        "actor_roles" character varying(32) array NOT NULL,
        "changed_fields" character varying(64) array NOT NULL,
        "before" jsonb,
        "after" jsonb NOT NULL,
        "capital_rule_version_id" character varying(64),
        "reason" text,
        "correlation_id" character varying(128),
        "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_fund_history" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_fund_history_action" CHECK ("action" IN ('create', 'update')),
        CONSTRAINT "FK_fund_history_fund" FOREIGN KEY ("fund_id") REFERENCES "funds"("id")
          ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      'CREATE INDEX "IDX_fund_history_fund" ON "fund_history" ("fund_id", "occurred_at", "id")',
    );

    await queryRunner.query(`
      CREATE TABLE "funding_calls" (
        "id" uuid NOT NULL,
        "fund_id" uuid NOT NULL,
        "fiscal_year" smallint NOT NULL,
        "title" character varying(200) NOT NULL,
        "description" text NOT NULL,
        "status" character varying(16) NOT NULL,
        "version" integer NOT NULL,
        "budget" bigint NOT NULL,
        "committed" bigint NOT NULL DEFAULT 0,
        "support_categories" character varying(48) array NOT NULL,
        "eligible_applicant_kinds" character varying(32) array NOT NULL,
        "eligible_province_codes" character varying(2) array NOT NULL,
        "eligible_target_groups" character varying(32) array NOT NULL,
        "published_project_required" boolean NOT NULL,
        "required_training_topic" character varying(120),
        "max_business_age_years" smallint,
        "allocation_rule" character varying(16) NOT NULL,
        "appraisal_rubric" jsonb NOT NULL,
        "opens_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "closes_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "opened_at" TIMESTAMP WITH TIME ZONE,
        "closed_at" TIMESTAMP WITH TIME ZONE,
        "finalised_at" TIMESTAMP WITH TIME ZONE,
        "created_by" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_funding_calls" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_funding_calls_status" CHECK ("status" IN ('draft', 'open', 'closed', 'finalised')),
        CONSTRAINT "CHK_funding_calls_allocation_rule" CHECK ("allocation_rule" IN ('first_come', 'score')),
        CONSTRAINT "CHK_funding_calls_budget" CHECK ("budget" >= 0),
        CONSTRAINT "CHK_funding_calls_committed" CHECK ("committed" >= 0 AND "committed" <= "budget"),
        CONSTRAINT "CHK_funding_calls_fiscal_year" CHECK ("fiscal_year" BETWEEN 2000 AND 2100),
        CONSTRAINT "CHK_funding_calls_categories" CHECK (cardinality("support_categories") >= 1),
        CONSTRAINT "CHK_funding_calls_business_age" CHECK ("max_business_age_years" BETWEEN 0 AND 100),
        CONSTRAINT "CHK_funding_calls_rubric" CHECK (jsonb_typeof("appraisal_rubric") = 'object'),
        CONSTRAINT "CHK_funding_calls_window" CHECK ("closes_at" > "opens_at"),
        CONSTRAINT "CHK_funding_calls_version" CHECK ("version" >= 1),
        CONSTRAINT "FK_funding_calls_fund" FOREIGN KEY ("fund_id") REFERENCES "funds"("id")
          ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      'CREATE INDEX "IDX_funding_calls_fund" ON "funding_calls" ("fund_id", "created_at", "id")',
    );
    // The public list of open calls, closing soonest first.
    await queryRunner.query(
      'CREATE INDEX "IDX_funding_calls_status_closes" ON "funding_calls" ("status", "closes_at", "id")',
    );

    await queryRunner.query(`
      CREATE TABLE "funding_call_history" (
        "id" uuid NOT NULL,
        "call_id" uuid NOT NULL,
        "action" character varying(32) NOT NULL,
        "from_status" character varying(16),
        "to_status" character varying(16) NOT NULL,
        "version" integer NOT NULL,
        "actor_id" uuid,
        "actor_roles" character varying(32) array NOT NULL,
        "changed_fields" character varying(64) array NOT NULL,
        "old_budget" bigint,
        "new_budget" bigint,
        "committed" bigint,
        "reason" text,
        "correlation_id" character varying(128),
        "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_funding_call_history" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_funding_call_history_action" CHECK ("action" IN ('create', 'update', 'open', 'close', 'finalise', 'change_budget')),
        CONSTRAINT "CHK_funding_call_history_budget_change" CHECK ("action" <> 'change_budget' OR ("old_budget" IS NOT NULL AND "new_budget" IS NOT NULL AND "committed" IS NOT NULL AND "reason" IS NOT NULL)),
        CONSTRAINT "FK_funding_call_history_call" FOREIGN KEY ("call_id") REFERENCES "funding_calls"("id")
          ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      'CREATE INDEX "IDX_funding_call_history_call" ON "funding_call_history" ("call_id", "occurred_at", "id")',
    );

    await queryRunner.query(`
      CREATE FUNCTION funds_and_calls_history_append_only() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['fund_history', 'funding_call_history']) {
      await queryRunner.query(`
        CREATE TRIGGER "TRG_${table}_append_only"
          BEFORE UPDATE OR DELETE ON "${table}"
          FOR EACH ROW EXECUTE FUNCTION funds_and_calls_history_append_only()`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "funding_call_history"');
    await queryRunner.query('DROP TABLE "funding_calls"');
    await queryRunner.query('DROP TABLE "fund_history"');
    await queryRunner.query('DROP TABLE "funds"');
    await queryRunner.query('DROP FUNCTION funds_and_calls_history_append_only()');
  }
}
