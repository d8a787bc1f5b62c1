import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Funding's read model of startup projects, fed by `projects.events` (see `project-directory/`). */
export class ProjectDirectory1791000003000 implements MigrationInterface {
  name = 'ProjectDirectory1791000003000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "project_directory" (
        "project_id" uuid NOT NULL,
        "owner_id" uuid NOT NULL,
        "published" boolean NOT NULL,
        "title" character varying(200),
        "kind" character varying(32),
        "sector" character varying(32),
        "province_code" character varying(2),
        "target_groups" character varying(32) array NOT NULL,
        "last_version" integer NOT NULL,
        "last_event_type" character varying(64) NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_project_directory" PRIMARY KEY ("project_id"),
        CONSTRAINT "CHK_project_directory_kind" CHECK ("kind" IN ('innovative_startup', 'business_startup', 'household_business', 'rural_industry', 'sme')),
        CONSTRAINT "CHK_project_directory_sector" CHECK ("sector" IN ('agriculture_food', 'handicrafts', 'tourism', 'education', 'health', 'manufacturing', 'clean_production', 'digital_it', 'trade_services', 'other')),
        CONSTRAINT "CHK_project_directory_version" CHECK ("last_version" >= 1),
        CONSTRAINT "CHK_project_directory_published_facts" CHECK ("published" = false OR ("title" IS NOT NULL AND "kind" IS NOT NULL AND "sector" IS NOT NULL AND "province_code" IS NOT NULL))
      )`);
    await queryRunner.query('CREATE INDEX "IDX_project_directory_owner" ON "project_directory" ("owner_id")');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "project_directory"');
  }
}
