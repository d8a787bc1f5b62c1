import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * State co-investment proposals (Decree 38/2018/NĐ-CP, ADR 0021): the private investors beside an application of
 * kind `coinvestment`. The database holds: each private amount > 0 (CHECK); investors only on a co-investment
 * application, never changed or deleted (trigger); a co-investment application has at least one private venture
 * fund beside it by the end of the transaction that writes it (deferred constraint trigger).
 */
export class Coinvestment1791000011000 implements MigrationInterface {
  name = 'Coinvestment1791000011000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "coinvestment_private_investors" (
        "application_id" uuid NOT NULL,
        "position" smallint NOT NULL,
        "name" character varying(300) NOT NULL,
        "kind" character varying(32) NOT NULL,
        "amount" bigint NOT NULL,
        "chose_on" date NOT NULL,
        CONSTRAINT "PK_coinvestment_private_investors" PRIMARY KEY ("application_id", "position"),
        CONSTRAINT "CHK_coinvestment_private_investors_kind" CHECK ("kind" IN ('private_venture_fund', 'angel_investor', 'enterprise')),
        CONSTRAINT "CHK_coinvestment_private_investors_amount" CHECK ("amount" > 0),
        CONSTRAINT "CHK_coinvestment_private_investors_position" CHECK ("position" >= 0),
        CONSTRAINT "CHK_coinvestment_private_investors_name" CHECK (btrim("name") <> ''),
        CONSTRAINT "FK_coinvestment_private_investors_application" FOREIGN KEY ("application_id")
          REFERENCES "applications"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`
      CREATE FUNCTION "coinvestment_private_investors_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' THEN
          RAISE EXCEPTION 'private investors of a co-investment are never changed or deleted'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'TRG_coinvestment_private_investors_append_only';
        END IF;
        IF NOT EXISTS (SELECT 1 FROM "applications" WHERE "id" = NEW."application_id" AND "kind" = 'coinvestment') THEN
          RAISE EXCEPTION 'private investors belong only to a co-investment application'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'TRG_coinvestment_private_investors_kind';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "TRG_coinvestment_private_investors_guard"
        BEFORE INSERT OR UPDATE OR DELETE ON "coinvestment_private_investors"
        FOR EACH ROW EXECUTE FUNCTION "coinvestment_private_investors_guard"()`);
    await queryRunner.query(`
      CREATE FUNCTION "applications_coinvestment_private_fund"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW."kind" = 'coinvestment' AND NOT EXISTS (
          SELECT 1 FROM "coinvestment_private_investors"
          WHERE "application_id" = NEW."id" AND "kind" = 'private_venture_fund'
        ) THEN
          RAISE EXCEPTION 'a co-investment needs at least one private venture fund beside it (Decree 38/2018)'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'TRG_applications_coinvestment_private_fund';
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE CONSTRAINT TRIGGER "TRG_applications_coinvestment_private_fund"
        AFTER INSERT OR UPDATE ON "applications"
        DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW EXECUTE FUNCTION "applications_coinvestment_private_fund"()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "TRG_applications_coinvestment_private_fund" ON "applications"`);
    await queryRunner.query(`DROP FUNCTION "applications_coinvestment_private_fund"()`);
    await queryRunner.query(`DROP TABLE "coinvestment_private_investors"`);
    await queryRunner.query(`DROP FUNCTION "coinvestment_private_investors_guard"()`);
  }
}
