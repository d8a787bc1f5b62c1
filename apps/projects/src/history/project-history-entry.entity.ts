import type { ProjectAction, ProjectStatus } from '@khoinghiep/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Project } from '../projects/project.entity.js';

/**
 * One change of a project: who, when, why. Append-only: a trigger created by the migration refuses UPDATE and
 * DELETE, so the audit trail is never rewritten.
 */
@Entity('project_history')
@Index('IDX_project_history_project', ['projectId', 'occurredAt', 'id'])
export class ProjectHistoryEntry {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_project_history' })
  id!: string;

  @Column({ type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => Project, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'FK_project_history_project' })
  project?: Project;

  @Column({ type: 'varchar', length: 32 })
  action!: ProjectAction;

  @Column({ type: 'varchar', length: 32, nullable: true })
  fromStatus!: ProjectStatus | null;

  @Column({ type: 'varchar', length: 32 })
  toStatus!: ProjectStatus;

  /** Version of the project after this change. */
  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'varchar', length: 32, array: true })
  actorRoles!: string[];

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ type: 'varchar', length: 64, array: true })
  changedFields!: string[];

  @Column({ type: 'varchar', length: 128, nullable: true })
  correlationId!: string | null;

  @Column({ type: 'timestamptz' })
  occurredAt!: Date;
}
