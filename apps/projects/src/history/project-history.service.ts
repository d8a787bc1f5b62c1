import { Clock, IdGenerator } from '@khoinghiep/clock';
import type { Page, ProjectAction, ProjectHistoryEntryView, ProjectStatus } from '@khoinghiep/contracts';
import { CursorField, decodeCursor, encodeCursor, pageOf } from '@khoinghiep/http';
import { currentCorrelationId } from '@khoinghiep/observability';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { DataSource } from 'typeorm';
import type { Caller } from '../projects/project-access.policy.js';
import { ProjectHistoryEntry } from './project-history-entry.entity.js';

export interface HistoryRecord {
  projectId: string;
  action: ProjectAction;
  fromStatus: ProjectStatus | null;
  toStatus: ProjectStatus;
  version: number;
  actor: Caller;
  comment?: string | null;
  changedFields?: string[];
  occurredAt: Date;
}

const CURSOR_KIND = 'history';

/** Writes and reads the audit trail of projects. Writes join the caller's transaction (nestjs-cls carries it). */
@Injectable()
export class ProjectHistoryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async record(record: HistoryRecord): Promise<void> {
    await this.txHost.tx.insert(ProjectHistoryEntry, {
      id: this.ids.next(),
      projectId: record.projectId,
      action: record.action,
      fromStatus: record.fromStatus,
      toStatus: record.toStatus,
      version: record.version,
      actorId: record.actor.userId,
      actorRoles: [...record.actor.roles],
      comment: record.comment ?? null,
      changedFields: record.changedFields ?? [],
      correlationId: currentCorrelationId() ?? null,
      occurredAt: record.occurredAt ?? this.clock.now(),
    });
  }

  /** Oldest first. Visibility of the project is checked by the caller of this method. */
  async list(projectId: string, limit: number, cursor?: string): Promise<Page<ProjectHistoryEntryView>> {
    const query = this.dataSource
      .getRepository(ProjectHistoryEntry)
      .createQueryBuilder('h')
      .where('h.projectId = :projectId', { projectId })
      .orderBy('h.occurredAt', 'ASC')
      .addOrderBy('h.id', 'ASC')
      .limit(limit + 1);
    if (cursor) {
      const [occurredAt, id] = decodeCursor<[string, string]>(cursor, CURSOR_KIND, [
        CursorField.timestamp,
        CursorField.uuid,
      ]);
      query.andWhere('(h.occurredAt, h.id) > (:occurredAt, :id)', { occurredAt, id });
    }
    const rows = await query.getMany();
    return pageOf(rows, limit, toHistoryView, (row) =>
      encodeCursor(CURSOR_KIND, [row.occurredAt.toISOString(), row.id]),
    );
  }
}

function toHistoryView(entry: ProjectHistoryEntry): ProjectHistoryEntryView {
  return {
    id: entry.id,
    projectId: entry.projectId,
    action: entry.action,
    fromStatus: entry.fromStatus,
    toStatus: entry.toStatus,
    version: entry.version,
    actor: { userId: entry.actorId, roles: entry.actorRoles },
    comment: entry.comment,
    changedFields: entry.changedFields,
    occurredAt: entry.occurredAt.toISOString(),
  };
}
