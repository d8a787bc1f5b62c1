import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The database holds the rule id to its subject too: `rule_id` must be the name-based UUID (v5) of kind, programme,
 * category, fund kind and capital source that `ruleIdOf` computes, so a version filed under the wrong rule (which
 * resolution would then silently skip) is refused. `uuid_generate_v5` comes from the `uuid-ossp` contrib extension
 * (trusted since PostgreSQL 13, beside `unaccent` that projects already needs).
 */
export class ProgrammeRuleIds1791000001002 implements MigrationInterface {
  name = 'ProgrammeRuleIds1791000001002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS "uuid-ossp"');
    await queryRunner.query(`
      ALTER TABLE "programme_rule_versions" ADD CONSTRAINT "CHK_programme_rule_versions_rule_id" CHECK (
        "rule_id" = uuid_generate_v5('6f1c6a52-3c8e-4f0e-9d0b-2a2f6b1f7c41'::uuid,
          "kind" || '|' || "programme" || '|' || COALESCE("category", '') || '|' || COALESCE("fund_kind", '')
            || '|' || COALESCE("capital_source", '')))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "programme_rule_versions" DROP CONSTRAINT "CHK_programme_rule_versions_rule_id"',
    );
  }
}
