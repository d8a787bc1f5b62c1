import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The capital-share rule version a fund (and each change in its audit trail) applied is a real version of the rule
 * book: uuid columns with foreign keys to `programme_rule_versions`, which is append-only, so the reference never
 * dangles.
 */
export class FundRuleVersionReferences1791000002001 implements MigrationInterface {
  name = 'FundRuleVersionReferences1791000002001';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['funds', 'fund_history']) {
      await queryRunner.query(
        `ALTER TABLE "${table}" ALTER COLUMN "capital_rule_version_id" TYPE uuid USING "capital_rule_version_id"::uuid`,
      );
      await queryRunner.query(`
        ALTER TABLE "${table}" ADD CONSTRAINT "FK_${table}_capital_rule_version"
          FOREIGN KEY ("capital_rule_version_id") REFERENCES "programme_rule_versions"("id")
          ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['fund_history', 'funds']) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "FK_${table}_capital_rule_version"`);
      await queryRunner.query(
        `ALTER TABLE "${table}" ALTER COLUMN "capital_rule_version_id" TYPE character varying(64)`,
      );
    }
  }
}
