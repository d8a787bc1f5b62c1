import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Applications (đề án), their budget lines, attachments, eligibility outcomes and history, with the database
 * guarding what it can:
 * - allowed values, non-negative money, requested + own contribution ≤ cost on every line;
 * - one live application per project and call (withdrawn ones do not count);
 * - at submission, at least one budget line and a co-financing split equal to the lines' sums (central +
 *   provincial = Σ requested, own = Σ own contributions);
 * - budget lines and attachments change only while the application is a draft;
 * - eligibility outcomes and history are append-only.
 */
export class Applications1791000003001 implements MigrationInterface {
  name = 'Applications1791000003001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "applications" (
        "id" uuid NOT NULL,
        "call_id" uuid NOT NULL,
        "project_id" uuid NOT NULL,
        "applicant_id" uuid NOT NULL,
        "kind" character varying(16) NOT NULL,
        "status" character varying(16) NOT NULL,
        "version" integer NOT NULL,
        "applicant_kind" character varying(32) NOT NULL,
        "business_registered_on" date,
        "declared_priority_groups" character varying(32) array NOT NULL,
        "co_financing_central" bigint NOT NULL,
        "co_financing_provincial" bigint NOT NULL,
        "co_financing_own" bigint NOT NULL,
        "eligible" boolean,
        "eligibility_checked_at" TIMESTAMP WITH TIME ZONE,
        "withdrawal_reason" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "submitted_at" TIMESTAMP WITH TIME ZONE,
        "withdrawn_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_applications" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_applications_status" CHECK ("status" IN ('draft', 'submitted', 'withdrawn', 'approved', 'rejected')),
        CONSTRAINT "CHK_applications_kind" CHECK ("kind" IN ('grant', 'coinvestment')),
        CONSTRAINT "CHK_applications_applicant_kind" CHECK ("applicant_kind" IN ('innovative_startup', 'business_startup', 'household_business', 'rural_industry', 'sme', 'cooperative', 'craft_village', 'artisan', 'cluster_investor')),
        CONSTRAINT "CHK_applications_version" CHECK ("version" >= 1),
        CONSTRAINT "CHK_applications_money" CHECK ("co_financing_central" >= 0 AND "co_financing_provincial" >= 0 AND "co_financing_own" >= 0),
        CONSTRAINT "CHK_applications_draft_unchecked" CHECK ("status" <> 'draft' OR "eligible" IS NULL),
        CONSTRAINT "CHK_applications_submitted_at" CHECK ("status" IN ('draft', 'withdrawn') OR "submitted_at" IS NOT NULL),
        CONSTRAINT "FK_applications_call" FOREIGN KEY ("call_id") REFERENCES "funding_calls"("id")
          ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_applications_project" FOREIGN KEY ("project_id") REFERENCES "project_directory"("project_id")
          ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      'CREATE INDEX "IDX_applications_applicant" ON "applications" ("applicant_id", "created_at", "id")',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_applications_call" ON "applications" ("call_id", "created_at", "id")',
    );
    await queryRunner.query(`
      CREATE UNIQUE INDEX "UQ_applications_call_project_live" ON "applications" ("call_id", "project_id")
        WHERE "status" <> 'withdrawn'`);

    await queryRunner.query(`
      CREATE TABLE "application_budget_lines" (
        "application_id" uuid NOT NULL,
        "position" smallint NOT NULL,
        "category" character varying(48) NOT NULL,
        "description" character varying(500) NOT NULL,
        "cost" bigint NOT NULL,
        "requested" bigint NOT NULL,
        "own_contribution" bigint NOT NULL,
        CONSTRAINT "PK_application_budget_lines" PRIMARY KEY ("application_id", "position"),
        CONSTRAINT "CHK_application_budget_lines_category" CHECK ("category" IN ('kc_training', 'kc_demonstration_model', 'kc_machinery', 'kc_machinery_line', 'kc_product_contest_regional', 'kc_product_contest_national', 'kc_trade_fair', 'kc_branding', 'kc_cleaner_production', 'kc_cluster_infrastructure', 'kc_consulting', 'kc_digital_transformation', 'kc_new_rural_enterprise', 'startup_seed_grant', 'startup_incubation', 'sme_consulting', 'sme_training', 'sme_digital_transformation', 'sme_market_access', 'state_coinvestment')),
        CONSTRAINT "CHK_application_budget_lines_cost" CHECK ("cost" > 0),
        CONSTRAINT "CHK_application_budget_lines_parts" CHECK ("requested" >= 0 AND "own_contribution" >= 0),
        CONSTRAINT "CHK_application_budget_lines_within_cost" CHECK ("requested" + "own_contribution" <= "cost"),
        CONSTRAINT "CHK_application_budget_lines_position" CHECK ("position" >= 0),
        CONSTRAINT "FK_application_budget_lines_application" FOREIGN KEY ("application_id") REFERENCES "applications"("id")
          ON DELETE CASCADE ON UPDATE NO ACTION
      )`);

    await queryRunner.query(`
      CREATE TABLE "application_attachments" (
        "application_id" uuid NOT NULL,
        "position" smallint NOT NULL,
        "name" character varying(255) NOT NULL,
        "media_type" character varying(127) NOT NULL,
        "size_bytes" bigint NOT NULL,
        "sha256" character(64) NOT NULL,
        CONSTRAINT "PK_application_attachments" PRIMARY KEY ("application_id", "position"),
        CONSTRAINT "CHK_application_attachments_size" CHECK ("size_bytes" > 0),
        CONSTRAINT "CHK_application_attachments_sha256" CHECK ("sha256" ~ '^[0-9a-f]{64}$'),
        CONSTRAINT "CHK_application_attachments_position" CHECK ("position" >= 0),
        CONSTRAINT "FK_application_attachments_application" FOREIGN KEY ("application_id") REFERENCES "applications"("id")
          ON DELETE CASCADE ON UPDATE NO ACTION
      )`);

    await queryRunner.query(`
      CREATE TABLE "application_eligibility_outcomes" (
        "application_id" uuid NOT NULL,
        "position" smallint NOT NULL,
        "rule" character varying(64) NOT NULL,
        "rule_version" character varying(200) NOT NULL,
        "passed" boolean NOT NULL,
        "reason_vi" text NOT NULL,
        "reason_en" text NOT NULL,
        "checked_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_application_eligibility_outcomes" PRIMARY KEY ("application_id", "position"),
        CONSTRAINT "FK_application_eligibility_outcomes_application" FOREIGN KEY ("application_id") REFERENCES "applications"("id")
          ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);

    await queryRunner.query(`
      CREATE TABLE "application_history" (
        "id" uuid NOT NULL,
        "application_id" uuid NOT NULL,
        "action" character varying(16) NOT NULL,
        "from_status" character varying(16),
        "to_status" character varying(16) NOT NULL,
        "version" integer NOT NULL,
        "actor_id" uuid NOT NULL,
        "actor_roles" character varying(32) array NOT NULL,
        "changed_fields" character varying(64) array NOT NULL,
        "comment" text,
        "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_application_history" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_application_history_action" CHECK ("action" IN ('create', 'update', 'submit', 'withdraw')),
        CONSTRAINT "CHK_application_history_to_status" CHECK ("to_status" IN ('draft', 'submitted', 'withdrawn', 'approved', 'rejected'))
      )`);
    await queryRunner.query(
      'CREATE INDEX "IDX_application_history_application" ON "application_history" ("application_id", "occurred_at")',
    );

    // Append-only records: history and eligibility outcomes are never rewritten.
    await queryRunner.query(`
      CREATE FUNCTION application_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
      END $$`);
    for (const table of ['application_history', 'application_eligibility_outcomes']) {
      await queryRunner.query(`
        CREATE TRIGGER "TRG_${table}_append_only" BEFORE UPDATE OR DELETE ON "${table}"
          FOR EACH ROW EXECUTE FUNCTION application_records_append_only()`);
    }

    // Budget lines and attachments belong to the draft: once submitted they are what was submitted.
    await queryRunner.query(`
      CREATE FUNCTION application_parts_only_in_draft() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        owner_id uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.application_id ELSE NEW.application_id END;
        owner_status text;
      BEGIN
        SELECT status INTO owner_status FROM applications WHERE id = owner_id;
        IF owner_status IS NOT NULL AND owner_status <> 'draft' THEN
          RAISE EXCEPTION 'the % of application % cannot change once it is %', TG_TABLE_NAME, owner_id, owner_status
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    for (const table of ['application_budget_lines', 'application_attachments']) {
      await queryRunner.query(`
        CREATE TRIGGER "TRG_${table}_only_in_draft" BEFORE INSERT OR UPDATE OR DELETE ON "${table}"
          FOR EACH ROW EXECUTE FUNCTION application_parts_only_in_draft()`);
    }

    // Submission: at least one line, and the co-financing split equal to the lines' sums.
    await queryRunner.query(`
      CREATE FUNCTION application_submission_checks() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        line_count integer;
        requested_sum numeric;
        own_sum numeric;
      BEGIN
        SELECT count(*), coalesce(sum(requested), 0), coalesce(sum(own_contribution), 0)
          INTO line_count, requested_sum, own_sum
          FROM application_budget_lines WHERE application_id = NEW.id;
        IF line_count = 0 THEN
          RAISE EXCEPTION 'application % has no budget line', NEW.id USING ERRCODE = 'check_violation';
        END IF;
        IF NEW.co_financing_central + NEW.co_financing_provincial <> requested_sum
           OR NEW.co_financing_own <> own_sum THEN
          RAISE EXCEPTION 'application %: co-financing does not match its budget lines', NEW.id
            USING ERRCODE = 'check_violation';
        END IF;
        IF NEW.eligible IS NULL THEN
          RAISE EXCEPTION 'application % is submitted without an eligibility check', NEW.id
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "TRG_applications_submission_checks" BEFORE UPDATE OF "status" ON "applications"
        FOR EACH ROW WHEN (OLD."status" = 'draft' AND NEW."status" = 'submitted')
        EXECUTE FUNCTION application_submission_checks()`);
    // Approval (built later) can never approve an ineligible application.
    await queryRunner.query(`
      ALTER TABLE "applications" ADD CONSTRAINT "CHK_applications_approved_eligible"
        CHECK ("status" <> 'approved' OR "eligible" = true)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "application_history"');
    await queryRunner.query('DROP TABLE "application_eligibility_outcomes"');
    await queryRunner.query('DROP TABLE "application_attachments"');
    await queryRunner.query('DROP TABLE "application_budget_lines"');
    await queryRunner.query('DROP TABLE "applications"');
    await queryRunner.query('DROP FUNCTION application_submission_checks()');
    await queryRunner.query('DROP FUNCTION application_parts_only_in_draft()');
    await queryRunner.query('DROP FUNCTION application_records_append_only()');
  }
}
