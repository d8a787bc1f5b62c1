import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An event a consumer has applied; its key makes a redelivery a no-op. */
@Entity({ name: 'inbox_event' })
export class InboxEvent {
  @PrimaryColumn({
    type: 'varchar',
    length: 200,
    name: 'consumer',
    primaryKeyConstraintName: 'inbox_event_pkey',
  })
  consumer!: string;

  @PrimaryColumn({ type: 'uuid', name: 'event_id', primaryKeyConstraintName: 'inbox_event_pkey' })
  eventId!: string;

  @Column({ type: 'timestamptz', name: 'processed_at', default: () => 'now()' })
  processedAt!: Date;
}
