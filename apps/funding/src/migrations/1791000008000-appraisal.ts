import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Appraisal (thẩm định) of submitted applications, with the database guarding what it can (ADR 0019):
 * - the roster of fund officers who have made themselves available as appraisers, as their verified token said;
 * - one appraisal per application, holding the call's rubric as it was when the appraisal opened;
 * - one assignment per (application, appraiser); the applicant is never an appraiser of their own application;
 *   a declaration is made once (no conflict, or recused with a reason);
 * - scores only by an appraiser who declared no conflict, while the appraisal is open and the application is
 *   still `submitted` (no decision yet), for a criterion of the rubric, on its scale;
 * - the history is append-only.
 */
export class Appraisal1791000008000 implements MigrationInterface {
  name = 'Appraisal1791000008000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "appraiser_roster" (
        "account_id" uuid NOT NULL,
        "name" character varying(200) NOT NULL,
        "roles" character varying(32) array NOT NULL,
        "security_version" integer NOT NULL,
        "joined_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_appraiser_roster" PRIMARY KEY ("account_id"),
        CONSTRAINT "CHK_appraiser_roster_security_version" CHECK ("security_version" >= 0)
      )`);

    await queryRunner.query(`
      CREATE TABLE "appraisals" (
        "application_id" uuid NOT NULL,
        "call_id" uuid NOT NULL,
        "rubric" jsonb NOT NULL,
        "status" character varying(16) NOT NULL,
        "version" integer NOT NULL,
        "opened_by" uuid NOT NULL,
        "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "closed_by" uuid,
        "closed_at" TIMESTAMP WITH TIME ZONE,
        "close_reason" text,
        CONSTRAINT "PK_appraisals" PRIMARY KEY ("application_id"),
        CONSTRAINT "CHK_appraisals_status" CHECK ("status" IN ('open', 'closed')),
        CONSTRAINT "CHK_appraisals_version" CHECK ("version" >= 1),
        CONSTRAINT "CHK_appraisals_rubric" CHECK (jsonb_typeof("rubric") = 'object'),
        CONSTRAINT "CHK_appraisals_closed" CHECK (("status" = 'closed') = ("closed_at" IS NOT NULL AND "closed_by" IS NOT NULL)),
        CONSTRAINT "FK_appraisals_application" FOREIGN KEY ("application_id") REFERENCES "applications"("id")
          ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_appraisals_call" FOREIGN KEY ("call_id") REFERENCES "funding_calls"("id")
          ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await queryRunner.query('CREATE INDEX "IDX_appraisals_call" ON "appraisals" ("call_id")');

    await queryRunner.query(`
      CREATE TABLE "appraisal_assignments" (
        "id" uuid NOT NULL,
        "application_id" uuid NOT NULL,
        "appraiser_id" uuid NOT NULL,
        "appraiser_name" character varying(200) NOT NULL,
        "assigned_by" uuid NOT NULL,
        "assigned_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "declaration" character varying(16) NOT NULL,
        "declared_at" TIMESTAMP WITH TIME ZONE,
        "recusal_reason" text,
        "revision" integer NOT NULL,
        "weighted_mean" numeric(7,2),
        "scored_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_appraisal_assignments" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_appraisal_assignments_appraiser" UNIQUE ("application_id", "appraiser_id"),
        CONSTRAINT "CHK_appraisal_assignments_declaration" CHECK ("declaration" IN ('pending', 'no_conflict', 'recused')),
        CONSTRAINT "CHK_appraisal_assignments_declared" CHECK (("declaration" = 'pending') = ("declared_at" IS NULL)),
        CONSTRAINT "CHK_appraisal_assignments_recusal" CHECK (("declaration" = 'recused') = ("recusal_reason" IS NOT NULL)),
        CONSTRAINT "CHK_appraisal_assignments_scored" CHECK ("revision" >= 0 AND ("revision" = 0) = ("weighted_mean" IS NULL) AND ("revision" = 0) = ("scored_at" IS NULL)),
        CONSTRAINT "CHK_appraisal_assignments_scored_declared" CHECK ("revision" = 0 OR "declaration" = 'no_conflict'),
        CONSTRAINT "FK_appraisal_assignments_appraisal" FOREIGN KEY ("application_id") REFERENCES "appraisals"("application_id")
          ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      'CREATE INDEX "IDX_appraisal_assignments_appraiser" ON "appraisal_assignments" ("appraiser_id", "assigned_at")',
    );

    await queryRunner.query(`
      CREATE TABLE "appraisal_scores" (
        "assignment_id" uuid NOT NULL,
        "criterion_code" character varying(40) NOT NULL,
        "score" smallint NOT NULL,
        "comment" text,
        CONSTRAINT "PK_appraisal_scores" PRIMARY KEY ("assignment_id", "criterion_code"),
        CONSTRAINT "CHK_appraisal_scores_score" CHECK ("score" BETWEEN 0 AND 100),
        CONSTRAINT "FK_appraisal_scores_assignment" FOREIGN KEY ("assignment_id") REFERENCES "appraisal_assignments"("id")
          ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);

    await queryRunner.query(`
      CREATE TABLE "appraisal_history" (
        "id" uuid NOT NULL,
        "application_id" uuid NOT NULL,
        "action" character varying(24) NOT NULL,
        "appraiser_id" uuid,
        "actor_id" uuid NOT NULL,
        "actor_roles" character varying(32) array NOT NULL,
        "reason" text,
        "details" jsonb,
        "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_appraisal_history" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_appraisal_history_action" CHECK ("action" IN ('assign', 'declare_no_conflict', 'recuse', 'score', 'close')),
        CONSTRAINT "FK_appraisal_history_appraisal" FOREIGN KEY ("application_id") REFERENCES "appraisals"("application_id")
          ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      'CREATE INDEX "IDX_appraisal_history_application" ON "appraisal_history" ("application_id", "occurred_at")',
    );
    await queryRunner.query(`
      CREATE FUNCTION appraisal_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "TRG_appraisal_history_append_only" BEFORE UPDATE OR DELETE ON "appraisal_history"
        FOR EACH ROW EXECUTE FUNCTION appraisal_history_append_only()`);

    // Maker–checker: whoever applied never appraises their own application. A declaration is made once.
    await queryRunner.query(`
      CREATE FUNCTION appraisal_assignment_checks() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        applicant uuid;
      BEGIN
        SELECT applicant_id INTO applicant FROM applications WHERE id = NEW.application_id;
        IF applicant = NEW.appraiser_id THEN
          RAISE EXCEPTION 'the applicant % cannot appraise application %', applicant, NEW.application_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'TRG_appraisal_assignments_checks';
        END IF;
        IF TG_OP = 'UPDATE' THEN
          IF NEW.appraiser_id <> OLD.appraiser_id OR NEW.application_id <> OLD.application_id THEN
            RAISE EXCEPTION 'an assignment keeps its appraiser and application' USING ERRCODE = 'check_violation';
          END IF;
          IF OLD.declaration <> 'pending' AND NEW.declaration <> OLD.declaration THEN
            RAISE EXCEPTION 'appraiser % already declared %', OLD.appraiser_id, OLD.declaration
              USING ERRCODE = 'check_violation';
          END IF;
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "TRG_appraisal_assignments_checks" BEFORE INSERT OR UPDATE ON "appraisal_assignments"
        FOR EACH ROW EXECUTE FUNCTION appraisal_assignment_checks()`);

    // Scores: only by an appraiser without a conflict, while the appraisal is open and no decision exists, for a
    // criterion of the rubric the appraisal holds, on its scale.
    await queryRunner.query(`
      CREATE FUNCTION appraisal_score_checks() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        row_of appraisal_scores := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        assignment_declaration text;
        appraisal_status text;
        application_status text;
        the_rubric jsonb;
      BEGIN
        SELECT s.declaration, a.status, a.rubric, ap.status
          INTO assignment_declaration, appraisal_status, the_rubric, application_status
          FROM appraisal_assignments s
          JOIN appraisals a ON a.application_id = s.application_id
          JOIN applications ap ON ap.id = s.application_id
          WHERE s.id = row_of.assignment_id;
        IF assignment_declaration IS DISTINCT FROM 'no_conflict' THEN
          RAISE EXCEPTION 'assignment % has not declared no conflict', row_of.assignment_id
            USING ERRCODE = 'check_violation';
        END IF;
        IF appraisal_status <> 'open' OR application_status <> 'submitted' THEN
          RAISE EXCEPTION 'the appraisal is % and the application %: scores are final', appraisal_status,
            application_status USING ERRCODE = 'check_violation';
        END IF;
        IF TG_OP <> 'DELETE' THEN
          IF NOT EXISTS (
            SELECT 1 FROM jsonb_array_elements(the_rubric -> 'criteria') criterion
              WHERE criterion ->> 'code' = NEW.criterion_code
          ) THEN
            RAISE EXCEPTION 'criterion % is not in the rubric', NEW.criterion_code USING ERRCODE = 'check_violation';
          END IF;
          IF NEW.score < (the_rubric #>> '{scale,min}')::int OR NEW.score > (the_rubric #>> '{scale,max}')::int THEN
            RAISE EXCEPTION 'score % is outside the scale', NEW.score USING ERRCODE = 'check_violation';
          END IF;
        END IF;
        RETURN row_of;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "TRG_appraisal_scores_checks" BEFORE INSERT OR UPDATE OR DELETE ON "appraisal_scores"
        FOR EACH ROW EXECUTE FUNCTION appraisal_score_checks()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "appraisal_scores"');
    await queryRunner.query('DROP TABLE "appraisal_history"');
    await queryRunner.query('DROP TABLE "appraisal_assignments"');
    await queryRunner.query('DROP TABLE "appraisals"');
    await queryRunner.query('DROP TABLE "appraiser_roster"');
    await queryRunner.query('DROP FUNCTION appraisal_score_checks()');
    await queryRunner.query('DROP FUNCTION appraisal_assignment_checks()');
    await queryRunner.query('DROP FUNCTION appraisal_history_append_only()');
  }
}
