import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Keys of money commands and their first responses, one per caller and key (ADR 0017). */
export class IdempotencyRecords1791000005000 implements MigrationInterface {
  name = 'IdempotencyRecords1791000005000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "idempotency_records" (
        "caller_id" uuid NOT NULL,
        "key" character varying(128) NOT NULL,
        "operation" character varying(100) NOT NULL,
        "fingerprint" character(64) NOT NULL,
        "response_status" smallint,
        "response_body" jsonb,
        "response_headers" jsonb,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_idempotency_records" PRIMARY KEY ("caller_id", "key")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "idempotency_records"');
  }
}
