import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox and inbox tables. Every app that uses the messaging library lists this class among its migrations.
 * The partial index keeps the relay's "oldest unpublished first" scan cheap however many rows were published.
 */
export class MessagingTables1767225600000 implements MigrationInterface {
  name = 'MessagingTables1767225600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE outbox_event (
        id uuid NOT NULL,
        seq bigserial NOT NULL,
        topic character varying(249) NOT NULL,
        key character varying(200) NOT NULL,
        type character varying(200) NOT NULL,
        version integer NOT NULL,
        envelope jsonb NOT NULL,
        created_at timestamp with time zone NOT NULL DEFAULT now(),
        published_at timestamp with time zone,
        CONSTRAINT outbox_event_pkey PRIMARY KEY (id)
      )`);
    await queryRunner.query(
      'CREATE INDEX outbox_event_unpublished_idx ON outbox_event (seq) WHERE published_at IS NULL',
    );
    await queryRunner.query(`
      CREATE TABLE inbox_event (
        consumer character varying(200) NOT NULL,
        event_id uuid NOT NULL,
        processed_at timestamp with time zone NOT NULL DEFAULT now(),
        CONSTRAINT inbox_event_pkey PRIMARY KEY (consumer, event_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE inbox_event');
    await queryRunner.query('DROP TABLE outbox_event');
  }
}
