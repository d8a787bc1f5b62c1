import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One money command a caller sent with an `Idempotency-Key`, and the response it got. Inserted in the command's
 * own transaction, so it exists exactly when the command's effect does (ADR 0017).
 */
@Entity('idempotency_records')
export class IdempotencyRecord {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_idempotency_records' })
  callerId!: string;

  @PrimaryColumn({ type: 'varchar', length: 128, primaryKeyConstraintName: 'PK_idempotency_records' })
  key!: string;

  @Column({ type: 'varchar', length: 100 })
  operation!: string;

  @Column({ type: 'char', length: 64 })
  fingerprint!: string;

  @Column({ type: 'smallint', nullable: true })
  responseStatus!: number | null;

  @Column({ type: 'jsonb', nullable: true })
  responseBody!: unknown;

  @Column({ type: 'jsonb', nullable: true })
  responseHeaders!: Record<string, string> | null;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;
}
