import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts can be deactivated, and every security change (deactivation, reactivation, roles) raises the
 * account's security version and is audited: who, when, why, and the standing it left.
 */
export class AccountStatus1790000002000 implements MigrationInterface {
  name = 'AccountStatus1790000002000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "users"
        ADD "status" character varying(16) NOT NULL DEFAULT 'active',
        ADD "security_version" integer NOT NULL DEFAULT 0,
        ADD CONSTRAINT "CHK_users_status" CHECK ("status" IN ('active', 'deactivated')),
        ADD CONSTRAINT "CHK_users_security_version" CHECK ("security_version" >= 0)`);
    await queryRunner.query(`
      CREATE TABLE "account_security_changes" (
        "id" uuid NOT NULL,
        "account_id" uuid NOT NULL,
        "change" character varying(32) NOT NULL,
        "reason" character varying(500) NOT NULL,
        "actor_id" uuid NOT NULL,
        "status" character varying(16) NOT NULL,
        "roles" text array NOT NULL,
        "security_version" integer NOT NULL,
        "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_account_security_changes" PRIMARY KEY ("id"),
        CONSTRAINT "FK_account_security_changes_account" FOREIGN KEY ("account_id") REFERENCES "users"("id"),
        CONSTRAINT "CHK_account_security_changes_change" CHECK ("change" IN ('deactivated', 'reactivated', 'roles-changed'))
      )`);
    await queryRunner.query(
      'CREATE INDEX "IDX_account_security_changes_account" ON "account_security_changes" ("account_id", "occurred_at")',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "account_security_changes"');
    await queryRunner.query(
      'ALTER TABLE "users" DROP CONSTRAINT "CHK_users_security_version", DROP CONSTRAINT "CHK_users_status", DROP COLUMN "security_version", DROP COLUMN "status"',
    );
  }
}
