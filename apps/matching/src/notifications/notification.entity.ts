import { NOTIFICATION_KINDS, type NotificationKind } from '@khoinghiep/contracts';
import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { oneOf } from '../sql-checks.js';

/**
 * An in-app notification to one user, its text written in both languages when it was made (from an event, never
 * with contact data). `subject` names what it is about (e.g. `saved_search:<id>:project:<id>`); one recipient gets
 * at most one notification per subject, which the unique index holds whatever delivers the cause twice.
 */
@Entity('notifications')
@Check('CHK_notifications_kind', oneOf('kind', NOTIFICATION_KINDS))
@Index('UQ_notifications_recipient_subject', ['recipientId', 'subject'], { unique: true })
@Index('IDX_notifications_recipient', ['recipientId', 'createdAt', 'id'])
@Index('IDX_notifications_recipient_unread', { synchronize: false })
export class Notification {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_notifications' })
  id!: string;

  @Column({ type: 'uuid' })
  recipientId!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: NotificationKind;

  @Column({ type: 'varchar', length: 160 })
  subject!: string;

  @Column({ type: 'text' })
  titleVi!: string;

  @Column({ type: 'text' })
  titleEn!: string;

  @Column({ type: 'text' })
  textVi!: string;

  @Column({ type: 'text' })
  textEn!: string;

  /** Path in the portal, e.g. `/matching/interests/<id>`. */
  @Column({ type: 'varchar', length: 300 })
  link!: string;

  /** The event that caused it, for the record. */
  @Column({ type: 'uuid' })
  sourceEventId!: string;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  /** Null while unread; the first time it was marked read. */
  @Column({ type: 'timestamptz', nullable: true })
  readAt!: Date | null;
}
