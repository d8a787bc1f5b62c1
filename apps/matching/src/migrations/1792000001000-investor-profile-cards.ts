import { PROVINCE_CODES, TARGET_GROUPS } from '@khoinghiep/contracts';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { allOf, INVESTOR_PROFILE_CHECKS } from '../sql-checks.js';

/**
 * Public investor cards and the rules of a profile the database keeps whatever the code does:
 * - `search_document` (diacritics-free full text of display name, organisation and thesis) and `name_folded`
 *   (lower-case, diacritics-free display name, for trigrams), kept by a trigger as in the projects database, each
 *   with its GIN index;
 * - the partial index the card list walks (published profiles, newest first);
 * - checks: province codes and target groups from the vocabulary, no sector both wanted and excluded, provinces only
 *   with at least one province, every shared contact field filled.
 */
export class InvestorProfileCards1792000001000 implements MigrationInterface {
  name = 'InvestorProfileCards1792000001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "investor_profiles" ADD "search_document" tsvector, ADD "name_folded" text',
    );
    await queryRunner.query(`
      CREATE FUNCTION investor_profiles_search_columns() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_document := to_tsvector('simple'::regconfig,
          f_unaccent(NEW.display_name || ' ' || coalesce(NEW.organisation, '') || ' ' || NEW.thesis));
        NEW.name_folded := lower(f_unaccent(NEW.display_name));
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "TRG_investor_profiles_search_columns"
        BEFORE INSERT OR UPDATE OF "display_name", "organisation", "thesis" ON "investor_profiles"
        FOR EACH ROW EXECUTE FUNCTION investor_profiles_search_columns()`);
    await queryRunner.query(`
      UPDATE "investor_profiles" SET
        "search_document" = to_tsvector('simple'::regconfig,
          f_unaccent("display_name" || ' ' || coalesce("organisation", '') || ' ' || "thesis")),
        "name_folded" = lower(f_unaccent("display_name"))`);
    await queryRunner.query(
      'ALTER TABLE "investor_profiles" ALTER "search_document" SET NOT NULL, ALTER "name_folded" SET NOT NULL',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_investor_profiles_search_document" ON "investor_profiles" USING gin ("search_document")',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_investor_profiles_name_trigram" ON "investor_profiles" USING gin ("name_folded" gin_trgm_ops)',
    );
    await queryRunner.query(`
      CREATE INDEX "IDX_investor_profiles_cards" ON "investor_profiles" ("created_at" DESC, "investor_id" DESC)
        WHERE "published"`);

    const checks: [string, string][] = [
      ['CHK_investor_profiles_province_codes', allOf('province_codes', PROVINCE_CODES)],
      ['CHK_investor_profiles_target_groups', allOf('target_groups', TARGET_GROUPS)],
      ['CHK_investor_profiles_sectors_not_excluded', INVESTOR_PROFILE_CHECKS.sectorsNotExcluded],
      ['CHK_investor_profiles_provinces_only', INVESTOR_PROFILE_CHECKS.provincesOnlyNamed],
      ['CHK_investor_profiles_shared_contact_filled', INVESTOR_PROFILE_CHECKS.sharedContactFilled],
    ];
    for (const [name, expression] of checks) {
      await queryRunner.query(
        `ALTER TABLE "investor_profiles" ADD CONSTRAINT "${name}" CHECK (${expression})`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const name of [
      'CHK_investor_profiles_shared_contact_filled',
      'CHK_investor_profiles_provinces_only',
      'CHK_investor_profiles_sectors_not_excluded',
      'CHK_investor_profiles_target_groups',
      'CHK_investor_profiles_province_codes',
    ]) {
      await queryRunner.query(`ALTER TABLE "investor_profiles" DROP CONSTRAINT "${name}"`);
    }
    await queryRunner.query('DROP INDEX "IDX_investor_profiles_cards"');
    await queryRunner.query('DROP INDEX "IDX_investor_profiles_name_trigram"');
    await queryRunner.query('DROP INDEX "IDX_investor_profiles_search_document"');
    await queryRunner.query('DROP TRIGGER "TRG_investor_profiles_search_columns" ON "investor_profiles"');
    await queryRunner.query('DROP FUNCTION investor_profiles_search_columns()');
    await queryRunner.query('ALTER TABLE "investor_profiles" DROP "search_document", DROP "name_folded"');
  }
}
