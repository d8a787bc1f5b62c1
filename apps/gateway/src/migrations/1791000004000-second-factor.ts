import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The second factor (TOTP, RFC 6238) of an account: its secret, encrypted; the last time step a code was accepted
 * at (a code is good once); failed attempts (the account is locked out of further attempts for a while); and the
 * one-time recovery codes, argon2id-hashed. Enrolling, disabling, an admin's reset and using a recovery code are
 * audited as security changes.
 */
export class SecondFactor1791000004000 implements MigrationInterface {
  name = 'SecondFactor1791000004000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "second_factors" (
        "account_id" uuid NOT NULL,
        "secret_ciphertext" text NOT NULL,
        "status" character varying(16) NOT NULL,
        "last_used_step" bigint,
        "failed_attempts" integer NOT NULL DEFAULT 0,
        "locked_until" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "confirmed_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_second_factors" PRIMARY KEY ("account_id"),
        CONSTRAINT "FK_second_factors_account" FOREIGN KEY ("account_id") REFERENCES "users"("id") ON DELETE CASCADE,
        CONSTRAINT "CHK_second_factors_status" CHECK ("status" IN ('pending', 'active')),
        CONSTRAINT "CHK_second_factors_confirmed" CHECK (("status" = 'active') = ("confirmed_at" IS NOT NULL)),
        CONSTRAINT "CHK_second_factors_last_used_step" CHECK ("last_used_step" IS NULL OR "last_used_step" >= 0),
        CONSTRAINT "CHK_second_factors_failed_attempts" CHECK ("failed_attempts" >= 0)
      )`);
    // A code is accepted once: the step it was accepted at only moves forward.
    await queryRunner.query(`
      CREATE FUNCTION "second_factors_step_forward"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD."last_used_step" IS NOT NULL AND OLD."status" = NEW."status"
           AND (NEW."last_used_step" IS NULL OR NEW."last_used_step" < OLD."last_used_step") THEN
          RAISE EXCEPTION 'second factor of % would accept an old code again', OLD."account_id"
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "TRG_second_factors_step_forward" BEFORE UPDATE ON "second_factors"
        FOR EACH ROW EXECUTE FUNCTION "second_factors_step_forward"()`);
    await queryRunner.query(`
      CREATE TABLE "recovery_codes" (
        "id" uuid NOT NULL,
        "account_id" uuid NOT NULL,
        "code_hash" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "used_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_recovery_codes" PRIMARY KEY ("id"),
        CONSTRAINT "FK_recovery_codes_account" FOREIGN KEY ("account_id") REFERENCES "users"("id") ON DELETE CASCADE,
        CONSTRAINT "CHK_recovery_codes_used_after_created" CHECK ("used_at" IS NULL OR "used_at" >= "created_at")
      )`);
    await queryRunner.query('CREATE INDEX "IDX_recovery_codes_account" ON "recovery_codes" ("account_id")');
    // A used recovery code stays used.
    await queryRunner.query(`
      CREATE FUNCTION "recovery_codes_used_once"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD."used_at" IS NOT NULL THEN
          RAISE EXCEPTION 'recovery code % is already used', OLD."id" USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "TRG_recovery_codes_used_once" BEFORE UPDATE ON "recovery_codes"
        FOR EACH ROW EXECUTE FUNCTION "recovery_codes_used_once"()`);
    await queryRunner.query(`
      ALTER TABLE "account_security_changes"
        DROP CONSTRAINT "CHK_account_security_changes_change",
        ADD CONSTRAINT "CHK_account_security_changes_change" CHECK ("change" IN ('deactivated', 'reactivated', 'roles-changed', 'second-factor-enrolled', 'second-factor-disabled', 'second-factor-reset', 'recovery-code-used'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DELETE FROM "account_security_changes" WHERE "change" IN ('second-factor-enrolled', 'second-factor-disabled', 'second-factor-reset', 'recovery-code-used')`,
    );
    await queryRunner.query(`
      ALTER TABLE "account_security_changes"
        DROP CONSTRAINT "CHK_account_security_changes_change",
        ADD CONSTRAINT "CHK_account_security_changes_change" CHECK ("change" IN ('deactivated', 'reactivated', 'roles-changed'))`);
    await queryRunner.query('DROP TABLE "recovery_codes"');
    await queryRunner.query('DROP FUNCTION "recovery_codes_used_once"()');
    await queryRunner.query('DROP TABLE "second_factors"');
    await queryRunner.query('DROP FUNCTION "second_factors_step_forward"()');
  }
}
