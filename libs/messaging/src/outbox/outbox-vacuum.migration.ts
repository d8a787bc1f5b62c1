import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every published row leaves a dead tuple (and a dead entry in the unpublished-rows index). With the default
 * 20 % scale factor, autovacuum would wait for a fifth of the table to be dead; a fixed threshold keeps the
 * table and its index small however large it grows.
 */
export class MessagingOutboxVacuum1767225600001 implements MigrationInterface {
  name = 'MessagingOutboxVacuum1767225600001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE outbox_event SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 10000)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE outbox_event RESET (autovacuum_vacuum_scale_factor, autovacuum_vacuum_threshold)',
    );
  }
}
