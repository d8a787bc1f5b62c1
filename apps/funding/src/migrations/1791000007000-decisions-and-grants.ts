import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Approval limits (financial delegation), decisions on applications and the grants they create, with the database
 * guarding what it can:
 * - an approver's limit is never negative; a change is a new row (who, when, why), never an edit;
 * - one decision per application; an approval has an amount > 0 and ≤ the requested total, and the limit in force
 *   that allowed it (amount ≤ limit); a rejection has a reason and no amount; the approver is never the applicant;
 * - one grant per application and per decision, for the approved amount (> 0), with the rule versions applied;
 * - limits and decisions are append-only (a trigger refuses UPDATE and DELETE; TRUNCATE stays possible for test
 *   resets). The call's `0 ≤ committed ≤ budget` CHECK (funds and calls migration) is what no decision can break.
 */
export class DecisionsAndGrants1791000007000 implements MigrationInterface {
  name = 'DecisionsAndGrants1791000007000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "approval_limits" (
        "id" uuid NOT NULL,
        "approver_id" uuid NOT NULL,
        "limit_amount" bigint NOT NULL,
        "reason" character varying(1000),
        "set_by" uuid NOT NULL,
        "set_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_approval_limits" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_approval_limits_amount" CHECK ("limit_amount" >= 0)
      )`);
    await queryRunner.query(
      'CREATE INDEX "IDX_approval_limits_approver" ON "approval_limits" ("approver_id", "set_at", "id")',
    );

    await queryRunner.query(`
      CREATE TABLE "decisions" (
        "id" uuid NOT NULL,
        "application_id" uuid NOT NULL,
        "call_id" uuid NOT NULL,
        "outcome" character varying(16) NOT NULL,
        "requested_amount" bigint NOT NULL,
        "approved_amount" bigint,
        "reason" character varying(2000),
        "rule_version_ids" character varying(64) array NOT NULL,
        "approval_limit_id" uuid,
        "applicant_id" uuid NOT NULL,
        "decided_by" uuid NOT NULL,
        "decided_on" date NOT NULL,
        "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_decisions" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_decisions_application" UNIQUE ("application_id"),
        CONSTRAINT "CHK_decisions_outcome" CHECK ("outcome" IN ('approved', 'rejected')),
        CONSTRAINT "CHK_decisions_requested" CHECK ("requested_amount" >= 0),
        CONSTRAINT "CHK_decisions_approved_shape" CHECK ("outcome" <> 'approved' OR ("approved_amount" > 0 AND "approved_amount" <= "requested_amount" AND "approval_limit_id" IS NOT NULL)),
        CONSTRAINT "CHK_decisions_rejected_shape" CHECK ("outcome" <> 'rejected' OR ("approved_amount" IS NULL AND "reason" IS NOT NULL)),
        CONSTRAINT "CHK_decisions_not_own" CHECK ("decided_by" <> "applicant_id"),
        CONSTRAINT "FK_decisions_application" FOREIGN KEY ("application_id") REFERENCES "applications"("id")
          ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_decisions_call" FOREIGN KEY ("call_id") REFERENCES "funding_calls"("id")
          ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_decisions_approval_limit" FOREIGN KEY ("approval_limit_id") REFERENCES "approval_limits"("id")
          ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      'CREATE INDEX "IDX_decisions_call" ON "decisions" ("call_id", "decided_at", "id")',
    );

    // An approval stays within the limit that allowed it.
    await queryRunner.query(`
      CREATE FUNCTION decisions_within_approval_limit() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        allowed bigint;
        holder uuid;
      BEGIN
        IF NEW.outcome = 'approved' THEN
          SELECT limit_amount, approver_id INTO allowed, holder FROM approval_limits WHERE id = NEW.approval_limit_id;
          IF holder IS DISTINCT FROM NEW.decided_by OR NEW.approved_amount > allowed THEN
            RAISE EXCEPTION 'decision %: % đồng is above the approval limit of %', NEW.id, NEW.approved_amount, NEW.decided_by
              USING ERRCODE = 'check_violation';
          END IF;
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "TRG_decisions_within_approval_limit" BEFORE INSERT ON "decisions"
        FOR EACH ROW EXECUTE FUNCTION decisions_within_approval_limit()`);

    await queryRunner.query(`
      CREATE TABLE "grants" (
        "id" uuid NOT NULL,
        "application_id" uuid NOT NULL,
        "decision_id" uuid NOT NULL,
        "call_id" uuid NOT NULL,
        "project_id" uuid NOT NULL,
        "beneficiary_id" uuid NOT NULL,
        "amount" bigint NOT NULL,
        "rule_version_ids" character varying(64) array NOT NULL,
        "approved_by" uuid NOT NULL,
        "approved_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_grants" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_grants_application" UNIQUE ("application_id"),
        CONSTRAINT "UQ_grants_decision" UNIQUE ("decision_id"),
        CONSTRAINT "CHK_grants_amount" CHECK ("amount" > 0),
        CONSTRAINT "FK_grants_application" FOREIGN KEY ("application_id") REFERENCES "applications"("id")
          ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_grants_decision" FOREIGN KEY ("decision_id") REFERENCES "decisions"("id")
          ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_grants_call" FOREIGN KEY ("call_id") REFERENCES "funding_calls"("id")
          ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await queryRunner.query('CREATE INDEX "IDX_grants_call" ON "grants" ("call_id", "approved_at", "id")');
    await queryRunner.query(
      'CREATE INDEX "IDX_grants_beneficiary" ON "grants" ("beneficiary_id", "approved_at", "id")',
    );

    await queryRunner.query(`
      CREATE FUNCTION decision_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['approval_limits', 'decisions']) {
      await queryRunner.query(`
        CREATE TRIGGER "TRG_${table}_append_only" BEFORE UPDATE OR DELETE ON "${table}"
          FOR EACH ROW EXECUTE FUNCTION decision_records_append_only()`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "grants"');
    await queryRunner.query('DROP TABLE "decisions"');
    await queryRunner.query('DROP TABLE "approval_limits"');
    await queryRunner.query('DROP FUNCTION decision_records_append_only()');
    await queryRunner.query('DROP FUNCTION decisions_within_approval_limit()');
  }
}
