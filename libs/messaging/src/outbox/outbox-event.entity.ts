import type { EventEnvelope } from '@khoinghiep/contracts';
import { Column, Entity, Generated, Index, PrimaryColumn } from 'typeorm';

/** An event waiting for (or done with) the relay. Written in the business transaction that caused it. */
@Entity({ name: 'outbox_event' })
@Index('outbox_event_unpublished_idx', ['seq'], { where: 'published_at IS NULL' })
@Index('outbox_event_parked_idx', ['topic', 'key', 'seq'], { where: 'parked_at IS NOT NULL' })
export class OutboxEvent {
  @PrimaryColumn({ type: 'uuid', name: 'id', primaryKeyConstraintName: 'outbox_event_pkey' })
  id!: string;

  /** Insertion order: the relay publishes in this order. */
  @Column({ type: 'bigint', name: 'seq' })
  @Generated('increment')
  seq!: string;

  @Column({ type: 'varchar', length: 249, name: 'topic' })
  topic!: string;

  /** Kafka key: the aggregate id. */
  @Column({ type: 'varchar', length: 200, name: 'key' })
  key!: string;

  @Column({ type: 'varchar', length: 200, name: 'type' })
  type!: string;

  @Column({ type: 'integer', name: 'version' })
  version!: number;

  @Column({ type: 'jsonb', name: 'envelope' })
  envelope!: EventEnvelope;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'published_at', nullable: true })
  publishedAt!: Date | null;

  /** Set when Kafka refused the row for good; later rows of its key wait until it is released. */
  @Column({ type: 'timestamptz', name: 'parked_at', nullable: true })
  parkedAt!: Date | null;

  @Column({ type: 'text', name: 'park_error', nullable: true })
  parkError!: string | null;
}
