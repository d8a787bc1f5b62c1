import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The read model of account standing every service keeps (added to each service by `serviceFoundation`). */
export class AccountStanding1767225600100 implements MigrationInterface {
  name = 'AccountStanding1767225600100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "account_standing" (
        "account_id" uuid NOT NULL,
        "status" character varying(16) NOT NULL,
        "security_version" integer NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_account_standing" PRIMARY KEY ("account_id"),
        CONSTRAINT "CHK_account_standing_status" CHECK ("status" IN ('active', 'deactivated'))
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "account_standing"');
  }
}
