import { MATCH_MARKS } from '@khoinghiep/contracts';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { oneOf } from '../sql-checks.js';

/** Investors' marks on matched projects (saved, hidden): one per pair, the primary key. */
export class MatchMarks1792000003000 implements MigrationInterface {
  name = 'MatchMarks1792000003000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "match_marks" (
        "investor_id" uuid NOT NULL,
        "project_id" uuid NOT NULL,
        "mark" character varying(16) NOT NULL,
        "marked_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_match_marks" PRIMARY KEY ("investor_id", "project_id"),
        CONSTRAINT "CHK_match_marks_mark" CHECK (${oneOf('mark', MATCH_MARKS)})
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "match_marks"');
  }
}
