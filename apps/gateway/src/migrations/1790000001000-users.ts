import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts of the platform. Roles are a text array checked against the platform's roles (as they stood when
 * this migration was written; a new role needs a new migration), emails are unique and stored lower-cased.
 */
export class Users1790000001000 implements MigrationInterface {
  name = 'Users1790000001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "users" (
        "id" uuid NOT NULL,
        "email" character varying(254) NOT NULL,
        "password_hash" text NOT NULL,
        "full_name" character varying(120) NOT NULL,
        "roles" text array NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_users" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_users_email" UNIQUE ("email"),
        CONSTRAINT "CHK_users_email_lower_case" CHECK ("email" = lower("email")),
        CONSTRAINT "CHK_users_roles" CHECK (cardinality("roles") >= 1 AND "roles" <@ ARRAY['founder', 'investor', 'programme_officer', 'fund_officer', 'fund_approver', 'trainer', 'admin']::text[])
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "users"');
  }
}
