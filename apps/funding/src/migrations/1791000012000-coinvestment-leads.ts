import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Co-investment leads (ADR 0028): willing private commitments from matching, gathered per project for a fund
 * officer. The database holds: at most one live (open or taken) lead per project (partial unique index); a lead's
 * shape per status, its cap with its rule version or neither, cap ≤ private total (CHECK); a taken lead never
 * reopens, a closed lead never changes, nothing is deleted (trigger); the commitments counted are append-only,
 * never a state fund's, never added to a closed lead (CHECK, trigger).
 */
export class CoinvestmentLeads1791000012000 implements MigrationInterface {
  name = 'CoinvestmentLeads1791000012000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "coinvestment_leads" (
        "id" uuid NOT NULL,
        "project_id" uuid NOT NULL,
        "project_owner_id" uuid NOT NULL,
        "status" character varying(16) NOT NULL,
        "private_total" bigint NOT NULL,
        "cap" bigint,
        "cap_bp" integer,
        "rule_version_id" uuid,
        "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "taken_by" uuid,
        "taken_at" TIMESTAMP WITH TIME ZONE,
        "closed_by" uuid,
        "closed_at" TIMESTAMP WITH TIME ZONE,
        "close_reason" character varying(1000),
        "application_id" uuid,
        CONSTRAINT "PK_coinvestment_leads" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_coinvestment_leads_status" CHECK ("status" IN ('open', 'taken', 'closed')),
        CONSTRAINT "CHK_coinvestment_leads_private_total" CHECK ("private_total" > 0),
        CONSTRAINT "CHK_coinvestment_leads_cap" CHECK (("cap" IS NULL AND "cap_bp" IS NULL AND "rule_version_id" IS NULL)
          OR ("cap" >= 0 AND "cap" <= "private_total" AND "cap_bp" BETWEEN 0 AND 10000 AND "rule_version_id" IS NOT NULL)),
        CONSTRAINT "CHK_coinvestment_leads_taken_shape" CHECK ("status" <> 'taken' OR ("taken_by" IS NOT NULL AND "taken_at" IS NOT NULL)),
        CONSTRAINT "CHK_coinvestment_leads_closed_shape" CHECK (("status" = 'closed') = ("closed_by" IS NOT NULL AND "closed_at" IS NOT NULL
          AND ("close_reason" IS NOT NULL OR "application_id" IS NOT NULL))),
        CONSTRAINT "FK_coinvestment_leads_rule_version" FOREIGN KEY ("rule_version_id")
          REFERENCES "programme_rule_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_coinvestment_leads_application" FOREIGN KEY ("application_id")
          REFERENCES "applications"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX "UQ_coinvestment_leads_project_live" ON "coinvestment_leads" ("project_id")
        WHERE "status" IN ('open', 'taken')`);
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_coinvestment_leads_application" ON "coinvestment_leads" ("application_id")',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_coinvestment_leads_opened" ON "coinvestment_leads" ("opened_at", "id")',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_coinvestment_leads_status" ON "coinvestment_leads" ("status", "opened_at", "id")',
    );
    await queryRunner.query(`
      CREATE FUNCTION "coinvestment_leads_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'co-investment leads are never deleted'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'TRG_coinvestment_leads_guard';
        END IF;
        IF OLD."status" = 'closed' THEN
          RAISE EXCEPTION 'a closed co-investment lead never changes'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'TRG_coinvestment_leads_guard';
        END IF;
        IF OLD."status" = 'taken' AND NEW."status" = 'open' THEN
          RAISE EXCEPTION 'a co-investment lead taken on never reopens'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'TRG_coinvestment_leads_guard';
        END IF;
        IF NEW."project_id" <> OLD."project_id" OR NEW."opened_at" <> OLD."opened_at" THEN
          RAISE EXCEPTION 'a co-investment lead keeps its project and opening time'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'TRG_coinvestment_leads_guard';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "TRG_coinvestment_leads_guard"
        BEFORE UPDATE OR DELETE ON "coinvestment_leads"
        FOR EACH ROW EXECUTE FUNCTION "coinvestment_leads_guard"()`);

    await queryRunner.query(`
      CREATE TABLE "coinvestment_lead_commitments" (
        "event_id" uuid NOT NULL,
        "lead_id" uuid NOT NULL,
        "introduction_id" uuid NOT NULL,
        "investor_id" uuid NOT NULL,
        "investor_name" character varying(503) NOT NULL,
        "investor_kind" character varying(32) NOT NULL,
        "kind" character varying(32) NOT NULL,
        "amount" bigint NOT NULL,
        "stage" character varying(16) NOT NULL,
        "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "received_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_coinvestment_lead_commitments" PRIMARY KEY ("event_id"),
        CONSTRAINT "CHK_coinvestment_lead_commitments_investor_kind" CHECK ("investor_kind" IN ('angel', 'venture_fund', 'enterprise', 'association_fund')),
        CONSTRAINT "CHK_coinvestment_lead_commitments_kind" CHECK ("kind" IN ('private_venture_fund', 'angel_investor', 'enterprise')),
        CONSTRAINT "CHK_coinvestment_lead_commitments_amount" CHECK ("amount" > 0),
        CONSTRAINT "CHK_coinvestment_lead_commitments_stage" CHECK ("stage" IN ('committed', 'invested')),
        CONSTRAINT "CHK_coinvestment_lead_commitments_name" CHECK (btrim("investor_name") <> ''),
        CONSTRAINT "FK_coinvestment_lead_commitments_lead" FOREIGN KEY ("lead_id")
          REFERENCES "coinvestment_leads"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      'CREATE INDEX "IDX_coinvestment_lead_commitments_lead" ON "coinvestment_lead_commitments" ("lead_id")',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_coinvestment_lead_commitments_introduction" ON "coinvestment_lead_commitments" ("introduction_id", "recorded_at")',
    );
    await queryRunner.query(`
      CREATE FUNCTION "coinvestment_lead_commitments_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' THEN
          RAISE EXCEPTION 'commitments counted in a co-investment lead are never changed or deleted'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'TRG_coinvestment_lead_commitments_guard';
        END IF;
        IF EXISTS (SELECT 1 FROM "coinvestment_leads" WHERE "id" = NEW."lead_id" AND "status" = 'closed') THEN
          RAISE EXCEPTION 'nothing is added to a closed co-investment lead'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'TRG_coinvestment_lead_commitments_guard';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "TRG_coinvestment_lead_commitments_guard"
        BEFORE INSERT OR UPDATE OR DELETE ON "coinvestment_lead_commitments"
        FOR EACH ROW EXECUTE FUNCTION "coinvestment_lead_commitments_guard"()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "coinvestment_lead_commitments"`);
    await queryRunner.query(`DROP FUNCTION "coinvestment_lead_commitments_guard"()`);
    await queryRunner.query(`DROP TABLE "coinvestment_leads"`);
    await queryRunner.query(`DROP FUNCTION "coinvestment_leads_guard"()`);
  }
}
