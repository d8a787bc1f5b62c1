import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Programme rules as dated reference data: one row per version, never rewritten. The database holds what it can:
 * the allowed words, which columns each kind of rule fills, rates within 0–100 %, no negative money, an end that
 * is not before the start, and a trigger that refuses UPDATE and DELETE (TRUNCATE stays possible for test resets),
 * so a change can only be a new version. Lists are written out here so this migration never changes.
 */
export class ProgrammeRules1791000001000 implements MigrationInterface {
  name = 'ProgrammeRules1791000001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "programme_rule_versions" (
        "id" uuid NOT NULL,
        "rule_id" uuid NOT NULL,
        "kind" character varying(32) NOT NULL,
        "programme" character varying(32) NOT NULL,
        "category" character varying(48),
        "fund_kind" character varying(32),
        "capital_source" character varying(32),
        "province_code" character varying(2),
        "amount_cap" bigint,
        "basis_points" integer,
        "priority_groups" character varying(32) array,
        "effective_from" date NOT NULL,
        "effective_until" date,
        "legal_source_number" character varying(100) NOT NULL,
        "legal_source_name" character varying(300) NOT NULL,
        "reason" character varying(1000),
        "recorded_by" uuid,
        "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_programme_rule_versions" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_programme_rule_versions_kind"
          CHECK ("kind" IN ('support_ceiling', 'advance_rate', 'coinvestment_cap', 'capital_share_cap', 'priority_groups')),
        CONSTRAINT "CHK_programme_rule_versions_programme"
          CHECK ("programme" IN ('khuyen_cong', 'startup_fund', 'sme_support', 'venture_coinvestment')),
        CONSTRAINT "CHK_programme_rule_versions_category"
          CHECK ("category" IN ('kc_training', 'kc_demonstration_model', 'kc_machinery', 'kc_machinery_line', 'kc_product_contest_regional', 'kc_product_contest_national', 'kc_trade_fair', 'kc_branding', 'kc_cleaner_production', 'kc_cluster_infrastructure', 'kc_consulting', 'kc_digital_transformation', 'kc_new_rural_enterprise', 'startup_seed_grant', 'startup_incubation', 'sme_consulting', 'sme_training', 'sme_digital_transformation', 'sme_market_access', 'state_coinvestment')),
        CONSTRAINT "CHK_programme_rule_versions_fund_kind"
          CHECK ("fund_kind" IN ('startup_fund', 'sme_support_fund', 'khuyen_cong_national', 'khuyen_cong_local', 'association_fund', 'provincial_venture_fund')),
        CONSTRAINT "CHK_programme_rule_versions_capital_source"
          CHECK ("capital_source" IN ('central_budget', 'provincial_budget', 'private', 'association')),
        CONSTRAINT "CHK_programme_rule_versions_province"
          CHECK ("province_code" IN ('01', '04', '08', '11', '12', '14', '15', '19', '20', '22', '24', '25', '31', '33', '37', '38', '40', '42', '44', '46', '48', '51', '52', '56', '66', '68', '75', '79', '80', '82', '86', '91', '92', '96')),
        CONSTRAINT "CHK_programme_rule_versions_priority_groups"
          CHECK ("priority_groups" <@ ARRAY['women_led', 'ethnic_minority_led', 'social_enterprise']::varchar[]),
        CONSTRAINT "CHK_programme_rule_versions_amount_cap" CHECK ("amount_cap" >= 0),
        CONSTRAINT "CHK_programme_rule_versions_basis_points" CHECK ("basis_points" BETWEEN 0 AND 10000),
        CONSTRAINT "CHK_programme_rule_versions_dates" CHECK ("effective_until" >= "effective_from"),
        CONSTRAINT "CHK_programme_rule_versions_shape" CHECK (
          ("kind" = 'support_ceiling' AND "category" IS NOT NULL AND "fund_kind" IS NULL AND "capital_source" IS NULL
            AND "priority_groups" IS NULL AND ("amount_cap" IS NOT NULL OR "basis_points" IS NOT NULL))
          OR ("kind" = 'advance_rate' AND "category" IS NOT NULL AND "fund_kind" IS NULL AND "capital_source" IS NULL
            AND "priority_groups" IS NULL AND "amount_cap" IS NULL AND "basis_points" IS NOT NULL)
          OR ("kind" = 'coinvestment_cap' AND "category" IS NULL AND "fund_kind" IS NULL AND "capital_source" IS NULL
            AND "priority_groups" IS NULL AND "amount_cap" IS NULL AND "basis_points" IS NOT NULL)
          OR ("kind" = 'capital_share_cap' AND "category" IS NULL AND "fund_kind" IS NOT NULL
            AND "capital_source" IS NOT NULL AND "priority_groups" IS NULL AND "amount_cap" IS NULL
            AND "basis_points" IS NOT NULL)
          OR ("kind" = 'priority_groups' AND "category" IS NULL AND "fund_kind" IS NULL AND "capital_source" IS NULL
            AND "priority_groups" IS NOT NULL AND cardinality("priority_groups") > 0 AND "amount_cap" IS NULL
            AND "basis_points" IS NULL))
      )`);
    await queryRunner.query(`
      CREATE INDEX "IDX_programme_rule_versions_rule" ON "programme_rule_versions"
        ("rule_id", "effective_from", "recorded_at", "id")`);
    await queryRunner.query(
      'CREATE INDEX "IDX_programme_rule_versions_kind" ON "programme_rule_versions" ("kind", "effective_from")',
    );
    await queryRunner.query(`
      CREATE FUNCTION programme_rule_versions_are_append_only() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'programme_rule_versions is append-only: % refused; record a new version instead', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "TRG_programme_rule_versions_append_only"
        BEFORE UPDATE OR DELETE ON "programme_rule_versions"
        FOR EACH ROW EXECUTE FUNCTION programme_rule_versions_are_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "programme_rule_versions"');
    await queryRunner.query('DROP FUNCTION programme_rule_versions_are_append_only()');
  }
}
