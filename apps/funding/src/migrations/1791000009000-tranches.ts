import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Disbursement in tranches (ADR 0020), with the database guarding what it can:
 * - one `grant_disbursements` row per grant holds its running sums, `0 ≤ disbursed ≤ reserved ≤ approved` and
 *   `returned ≤ disbursed` (CHECK), the final amount ≤ approved; commands lock the grant row before changing it;
 * - a tranche's shape per kind and status (advance with its rate and rule version, acceptance with its accepted
 *   cost, settlement with its final amount; a rejection with its reason; a payment with its reference);
 * - maker ≠ checker (CHECK); an approval within the approver's limit in force (trigger); only the transitions
 *   requested → approved | rejected and approved → paid, amounts never edited, nothing deleted (trigger);
 * - Σ paid of a grant ≤ its approved amount (trigger, under the grant's row lock);
 * - the history of tranches is append-only (audit).
 */
export class Tranches1791000009000 implements MigrationInterface {
  name = 'Tranches1791000009000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "grant_disbursements" (
        "grant_id" uuid NOT NULL,
        "call_id" uuid NOT NULL,
        "stage" character varying(16) NOT NULL,
        "approved" bigint NOT NULL,
        "reserved" bigint NOT NULL,
        "disbursed" bigint NOT NULL,
        "returned" bigint NOT NULL,
        "accepted_cost" bigint,
        "final_amount" bigint,
        "version" integer NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_grant_disbursements" PRIMARY KEY ("grant_id"),
        CONSTRAINT "CHK_grant_disbursements_stage" CHECK ("stage" IN ('disbursing', 'accepted', 'settled')),
        CONSTRAINT "CHK_grant_disbursements_sums" CHECK (0 <= "disbursed" AND "disbursed" <= "reserved" AND "reserved" <= "approved" AND 0 <= "returned" AND "returned" <= "disbursed"),
        CONSTRAINT "CHK_grant_disbursements_final" CHECK ("final_amount" IS NULL OR ("final_amount" >= 0 AND "final_amount" <= "approved")),
        CONSTRAINT "FK_grant_disbursements_grant" FOREIGN KEY ("grant_id") REFERENCES "grants"("id")
          ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_grant_disbursements_call" FOREIGN KEY ("call_id") REFERENCES "funding_calls"("id")
          ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      'CREATE INDEX "IDX_grant_disbursements_call" ON "grant_disbursements" ("call_id", "grant_id")',
    );

    await queryRunner.query(`
      CREATE TABLE "tranches" (
        "id" uuid NOT NULL,
        "grant_id" uuid NOT NULL,
        "sequence" integer NOT NULL,
        "kind" character varying(16) NOT NULL,
        "status" character varying(16) NOT NULL,
        "amount" bigint NOT NULL,
        "return_amount" bigint NOT NULL,
        "advance_rate_bp" integer,
        "rule_version_id" character varying(64),
        "accepted_cost" bigint,
        "final_amount" bigint,
        "evidence" jsonb NOT NULL,
        "note" character varying(2000),
        "requested_by" uuid NOT NULL,
        "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "decided_by" uuid,
        "decided_at" TIMESTAMP WITH TIME ZONE,
        "approval_limit_id" uuid,
        "rejection_reason" character varying(2000),
        "payment_reference" character varying(100),
        "paid_by" uuid,
        "paid_at" TIMESTAMP WITH TIME ZONE,
        "version" integer NOT NULL,
        CONSTRAINT "PK_tranches" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_tranches_grant_sequence" UNIQUE ("grant_id", "sequence"),
        CONSTRAINT "CHK_tranches_kind" CHECK ("kind" IN ('advance', 'acceptance', 'settlement')),
        CONSTRAINT "CHK_tranches_status" CHECK ("status" IN ('requested', 'approved', 'rejected', 'paid')),
        CONSTRAINT "CHK_tranches_amounts" CHECK ("amount" >= 0 AND "return_amount" >= 0 AND ("kind" = 'settlement' OR ("amount" > 0 AND "return_amount" = 0))),
        CONSTRAINT "CHK_tranches_advance_shape" CHECK ("kind" <> 'advance' OR ("advance_rate_bp" BETWEEN 0 AND 10000 AND "rule_version_id" IS NOT NULL)),
        CONSTRAINT "CHK_tranches_acceptance_shape" CHECK ("kind" <> 'acceptance' OR "accepted_cost" > 0),
        CONSTRAINT "CHK_tranches_settlement_shape" CHECK ("kind" <> 'settlement' OR ("final_amount" >= 0 AND ("amount" = 0 OR "return_amount" = 0))),
        CONSTRAINT "CHK_tranches_maker_checker" CHECK ("decided_by" IS NULL OR "decided_by" <> "requested_by"),
        CONSTRAINT "CHK_tranches_decided_shape" CHECK ("status" = 'requested' OR ("decided_by" IS NOT NULL AND "decided_at" IS NOT NULL)),
        CONSTRAINT "CHK_tranches_approved_shape" CHECK ("status" NOT IN ('approved', 'paid') OR "approval_limit_id" IS NOT NULL),
        CONSTRAINT "CHK_tranches_rejected_shape" CHECK ("status" <> 'rejected' OR "rejection_reason" IS NOT NULL),
        CONSTRAINT "CHK_tranches_paid_shape" CHECK ("status" <> 'paid' OR ("payment_reference" IS NOT NULL AND "paid_by" IS NOT NULL AND "paid_at" IS NOT NULL)),
        CONSTRAINT "FK_tranches_grant" FOREIGN KEY ("grant_id") REFERENCES "grants"("id")
          ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_tranches_approval_limit" FOREIGN KEY ("approval_limit_id") REFERENCES "approval_limits"("id")
          ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);

    // Only forward moves; what was asked for is never edited; nothing is deleted.
    await queryRunner.query(`
      CREATE FUNCTION tranches_guard_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'tranches are never deleted' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NOT ((OLD.status = 'requested' AND NEW.status IN ('approved', 'rejected'))
                OR (OLD.status = 'approved' AND NEW.status = 'paid')) THEN
          RAISE EXCEPTION 'tranche %: % → % is not a move', OLD.id, OLD.status, NEW.status USING ERRCODE = 'check_violation';
        END IF;
        IF NEW.grant_id <> OLD.grant_id OR NEW.kind <> OLD.kind OR NEW.amount <> OLD.amount
           OR NEW.return_amount <> OLD.return_amount OR NEW.requested_by <> OLD.requested_by
           OR NEW.sequence <> OLD.sequence THEN
          RAISE EXCEPTION 'tranche %: what was asked for is never edited', OLD.id USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "TRG_tranches_guard_change" BEFORE UPDATE OR DELETE ON "tranches"
        FOR EACH ROW EXECUTE FUNCTION tranches_guard_change()`);

    // An approval stays within the approver's limit it names; Σ paid of a grant stays within its approved amount.
    await queryRunner.query(`
      CREATE FUNCTION tranches_within_limits() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        allowed bigint;
        holder uuid;
        approved bigint;
        paid bigint;
      BEGIN
        IF NEW.status = 'approved' AND (TG_OP = 'INSERT' OR OLD.status <> 'approved') THEN
          SELECT limit_amount, approver_id INTO allowed, holder FROM approval_limits WHERE id = NEW.approval_limit_id;
          IF holder IS DISTINCT FROM NEW.decided_by OR NEW.amount > allowed THEN
            RAISE EXCEPTION 'tranche %: % đồng is above the approval limit of %', NEW.id, NEW.amount, NEW.decided_by
              USING ERRCODE = 'check_violation';
          END IF;
        END IF;
        IF NEW.status = 'paid' THEN
          SELECT amount INTO approved FROM grants WHERE id = NEW.grant_id;
          SELECT coalesce(sum(amount), 0) INTO paid FROM tranches
            WHERE grant_id = NEW.grant_id AND status = 'paid' AND id <> NEW.id;
          IF paid + NEW.amount > approved THEN
            RAISE EXCEPTION 'grant %: % đồng paid would exceed the % approved', NEW.grant_id, paid + NEW.amount, approved
              USING ERRCODE = 'check_violation';
          END IF;
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "TRG_tranches_within_limits" BEFORE INSERT OR UPDATE ON "tranches"
        FOR EACH ROW EXECUTE FUNCTION tranches_within_limits()`);

    await queryRunner.query(`
      CREATE TABLE "tranche_history" (
        "id" uuid NOT NULL,
        "tranche_id" uuid NOT NULL,
        "grant_id" uuid NOT NULL,
        "action" character varying(16) NOT NULL,
        "actor_id" uuid NOT NULL,
        "actor_roles" character varying(32) array NOT NULL,
        "idempotency_key" character varying(128),
        "details" jsonb NOT NULL,
        "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_tranche_history" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_tranche_history_action" CHECK ("action" IN ('requested', 'approved', 'rejected', 'paid')),
        CONSTRAINT "FK_tranche_history_tranche" FOREIGN KEY ("tranche_id") REFERENCES "tranches"("id")
          ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      'CREATE INDEX "IDX_tranche_history_grant" ON "tranche_history" ("grant_id", "occurred_at", "id")',
    );
    await queryRunner.query(`
      CREATE TRIGGER "TRG_tranche_history_append_only" BEFORE UPDATE OR DELETE ON "tranche_history"
        FOR EACH ROW EXECUTE FUNCTION decision_records_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "tranche_history"');
    await queryRunner.query('DROP TABLE "tranches"');
    await queryRunner.query('DROP TABLE "grant_disbursements"');
    await queryRunner.query('DROP FUNCTION tranches_within_limits()');
    await queryRunner.query('DROP FUNCTION tranches_guard_change()');
  }
}
