import { LEDGER_ACCOUNT_KINDS, LEDGER_TRANSACTION_KINDS } from '@khoinghiep/contracts';
import type { MigrationInterface, QueryRunner } from 'typeorm';

const list = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

/**
 * The double-entry ledger (ADR 0016). The database itself holds its rules: transactions and entries are
 * append-only (UPDATE/DELETE refused by trigger), a transaction commits only if it has entries summing to zero
 * (deferred constraint triggers, checked at COMMIT), balances are kept by a trigger on every entry under the
 * balance row's lock and may not go below zero (CHECK), and only that trigger may write a balance.
 */
export class Ledger1791000005001 implements MigrationInterface {
  name = 'Ledger1791000005001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "ledger_transactions" (
        "id" uuid NOT NULL,
        "kind" character varying(32) NOT NULL,
        "reference" character varying(100) NOT NULL,
        "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "actor_id" uuid,
        "idempotency_key" character varying(128),
        "reversal_of" uuid,
        "memo" text,
        CONSTRAINT "PK_ledger_transactions" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_ledger_transactions_kind" CHECK ("kind" IN (${list(LEDGER_TRANSACTION_KINDS)})),
        CONSTRAINT "CHK_ledger_transactions_reversal" CHECK (("kind" = 'reversal') = ("reversal_of" IS NOT NULL)),
        CONSTRAINT "UQ_ledger_transactions_reversal_of" UNIQUE ("reversal_of"),
        CONSTRAINT "FK_ledger_transactions_reversal_of" FOREIGN KEY ("reversal_of")
          REFERENCES "ledger_transactions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      'CREATE INDEX "IDX_ledger_transactions_reference" ON "ledger_transactions" ("reference", "occurred_at")',
    );
    await queryRunner.query(`
      CREATE TABLE "ledger_entries" (
        "id" uuid NOT NULL,
        "transaction_id" uuid NOT NULL,
        "account_kind" character varying(32) NOT NULL,
        "account_reference" character varying(100) NOT NULL,
        "amount" bigint NOT NULL,
        CONSTRAINT "PK_ledger_entries" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_ledger_entries_account_kind" CHECK ("account_kind" IN (${list(LEDGER_ACCOUNT_KINDS)})),
        CONSTRAINT "CHK_ledger_entries_amount" CHECK ("amount" <> 0),
        CONSTRAINT "FK_ledger_entries_transaction" FOREIGN KEY ("transaction_id")
          REFERENCES "ledger_transactions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      'CREATE INDEX "IDX_ledger_entries_transaction" ON "ledger_entries" ("transaction_id")',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_ledger_entries_account" ON "ledger_entries" ("account_kind", "account_reference")',
    );
    await queryRunner.query(`
      CREATE TABLE "ledger_balances" (
        "account_kind" character varying(32) NOT NULL,
        "account_reference" character varying(100) NOT NULL,
        "balance" bigint NOT NULL,
        CONSTRAINT "PK_ledger_balances" PRIMARY KEY ("account_kind", "account_reference"),
        CONSTRAINT "CHK_ledger_balances_account_kind" CHECK ("account_kind" IN (${list(LEDGER_ACCOUNT_KINDS)})),
        CONSTRAINT "CHK_ledger_balances_not_negative" CHECK ("account_kind" = 'fund_capital' OR "balance" >= 0)
      )`);

    await queryRunner.query(`
      CREATE FUNCTION ledger_is_append_only() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused (correct with a reversing transaction)', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['ledger_transactions', 'ledger_entries']) {
      await queryRunner.query(`
        CREATE TRIGGER "TRG_${table}_append_only" BEFORE UPDATE OR DELETE ON "${table}"
          FOR EACH ROW EXECUTE FUNCTION ledger_is_append_only()`);
    }

    // Checked at COMMIT, once every entry of the transaction is in: at least two entries, summing to zero.
    await queryRunner.query(`
      CREATE FUNCTION ledger_transaction_is_balanced() RETURNS trigger
      LANGUAGE plpgsql AS $$
      DECLARE
        tx uuid;
        lines integer;
        total numeric;
      BEGIN
        IF TG_TABLE_NAME = 'ledger_entries' THEN
          tx := NEW.transaction_id;
        ELSE
          tx := NEW.id;
        END IF;
        SELECT count(*), coalesce(sum(amount), 0) INTO lines, total FROM ledger_entries WHERE transaction_id = tx;
        IF lines < 2 OR total <> 0 THEN
          RAISE EXCEPTION 'ledger transaction % is unbalanced: % entries summing to %', tx, lines, total
            USING ERRCODE = 'check_violation', CONSTRAINT = 'TRG_ledger_balanced';
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of ['ledger_transactions', 'ledger_entries']) {
      await queryRunner.query(`
        CREATE CONSTRAINT TRIGGER "TRG_${table}_balanced" AFTER INSERT ON "${table}"
          DEFERRABLE INITIALLY DEFERRED
          FOR EACH ROW EXECUTE FUNCTION ledger_transaction_is_balanced()`);
    }

    // Every entry moves its account's balance; the UPDATE holds the balance row's lock until commit.
    await queryRunner.query(`
      CREATE FUNCTION ledger_entry_moves_balance() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE ledger_balances SET balance = balance + NEW.amount
          WHERE account_kind = NEW.account_kind AND account_reference = NEW.account_reference;
        IF NOT FOUND THEN
          -- A new account opens at 0 (an upsert would CHECK the entry's own amount before seeing the row).
          INSERT INTO ledger_balances (account_kind, account_reference, balance)
            VALUES (NEW.account_kind, NEW.account_reference, 0)
            ON CONFLICT (account_kind, account_reference) DO NOTHING;
          UPDATE ledger_balances SET balance = balance + NEW.amount
            WHERE account_kind = NEW.account_kind AND account_reference = NEW.account_reference;
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "TRG_ledger_entries_balance" AFTER INSERT ON "ledger_entries"
        FOR EACH ROW EXECUTE FUNCTION ledger_entry_moves_balance()`);

    // A balance is written by the trigger above only (trigger depth 2), never by a statement of its own.
    await queryRunner.query(`
      CREATE FUNCTION ledger_balance_is_derived() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF pg_trigger_depth() < 2 THEN
          RAISE EXCEPTION 'ledger_balances is derived from ledger_entries: % refused', TG_OP
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "TRG_ledger_balances_derived" BEFORE INSERT OR UPDATE OR DELETE ON "ledger_balances"
        FOR EACH ROW EXECUTE FUNCTION ledger_balance_is_derived()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "ledger_balances"');
    await queryRunner.query('DROP TABLE "ledger_entries"');
    await queryRunner.query('DROP TABLE "ledger_transactions"');
    await queryRunner.query('DROP FUNCTION ledger_balance_is_derived()');
    await queryRunner.query('DROP FUNCTION ledger_entry_moves_balance()');
    await queryRunner.query('DROP FUNCTION ledger_transaction_is_balanced()');
    await queryRunner.query('DROP FUNCTION ledger_is_append_only()');
  }
}
