import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Parked outbox rows: events Kafka refused for good (too large, invalid), set aside with the error so they no
 * longer block their service's relay. Later rows of the same key wait behind a parked one; the small partial
 * index makes that check cheap.
 */
export class MessagingOutboxParking1767225600002 implements MigrationInterface {
  name = 'MessagingOutboxParking1767225600002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE outbox_event ADD parked_at timestamp with time zone');
    await queryRunner.query('ALTER TABLE outbox_event ADD park_error text');
    await queryRunner.query(
      'CREATE INDEX outbox_event_parked_idx ON outbox_event (topic, key, seq) WHERE parked_at IS NOT NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX outbox_event_parked_idx');
    await queryRunner.query('ALTER TABLE outbox_event DROP COLUMN park_error');
    await queryRunner.query('ALTER TABLE outbox_event DROP COLUMN parked_at');
  }
}
