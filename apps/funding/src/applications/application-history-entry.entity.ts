import { APPLICATION_STATUSES, type ApplicationStatus } from '@khoinghiep/contracts';
import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { oneOf } from './application.entity.js';

export const APPLICATION_ACTIONS = ['create', 'update', 'submit', 'withdraw'] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

/** The audit trail of an application: who did what, when, why. Append-only (a trigger refuses UPDATE and DELETE). */
@Entity('application_history')
@Check('CHK_application_history_action', oneOf('action', APPLICATION_ACTIONS))
@Check('CHK_application_history_to_status', oneOf('to_status', APPLICATION_STATUSES))
@Index('IDX_application_history_application', ['applicationId', 'occurredAt'])
export class ApplicationHistoryEntry {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_application_history' })
  id!: string;

  @Column({ type: 'uuid' })
  applicationId!: string;

  @Column({ type: 'varchar', length: 16 })
  action!: ApplicationAction;

  @Column({ type: 'varchar', length: 16, nullable: true })
  fromStatus!: ApplicationStatus | null;

  @Column({ type: 'varchar', length: 16 })
  toStatus!: ApplicationStatus;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'uuid' })
  actorId!: string;

  @Column({ type: 'varchar', length: 32, array: true })
  actorRoles!: string[];

  @Column({ type: 'varchar', length: 64, array: true })
  changedFields!: string[];

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ type: 'timestamptz' })
  occurredAt!: Date;
}
