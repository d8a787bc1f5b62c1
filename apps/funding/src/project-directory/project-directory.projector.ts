import { Clock } from '@khoinghiep/clock';
import {
  ProjectApproved,
  type ProjectApprovedPayload,
  type ProjectEventPayload,
  ProjectUnpublished,
  type ProjectUnpublishedPayload,
  ProjectUpdated,
  type ProjectUpdatedPayload,
  ProjectWithdrawn,
  type ProjectWithdrawnPayload,
} from '@khoinghiep/contracts';
import { type EventContext, OnEvent } from '@khoinghiep/messaging';
import { Controller } from '@nestjs/common';
import { KnownProject } from './known-project.entity.js';

/**
 * Keeps `project_directory` from `projects.events`. The messaging inbox makes each event apply once; the version
 * condition makes an older event (replayed, or late from another partition assignment) change nothing, so the
 * directory only moves forward. An invalid event never reaches these handlers (the consumer sends it to the DLQ).
 */
@Controller()
export class ProjectDirectoryProjector {
  constructor(private readonly clock: Clock) {}

  /** Published: every fact eligibility needs, replacing older ones. */
  @OnEvent(ProjectApproved)
  async onApproved(payload: ProjectApprovedPayload, context: EventContext): Promise<void> {
    await context.manager
      .createQueryBuilder()
      .insert()
      .into(KnownProject)
      .values({
        projectId: payload.projectId,
        ownerId: payload.ownerId,
        published: true,
        title: payload.title,
        kind: payload.kind,
        sector: payload.sector,
        provinceCode: payload.provinceCode,
        targetGroups: payload.targetGroups,
        lastVersion: payload.version,
        lastEventType: ProjectApproved.type,
        updatedAt: this.clock.now(),
      })
      .orUpdate(
        [
          'owner_id',
          'published',
          'title',
          'kind',
          'sector',
          'province_code',
          'target_groups',
          'last_version',
          'last_event_type',
          'updated_at',
        ],
        ['project_id'],
        { overwriteCondition: { where: 'project_directory.last_version < EXCLUDED.last_version' } },
      )
      .execute();
  }

  /**
   * Edited: only drafts and projects sent back for revision are edited, so the project is no longer published (a
   * revision of a published project is published again by a new approval, which brings the new facts).
   */
  @OnEvent(ProjectUpdated)
  onUpdated(payload: ProjectUpdatedPayload, context: EventContext): Promise<void> {
    return this.moveOn(payload, payload.status === 'published', ProjectUpdated.type, context);
  }

  @OnEvent(ProjectUnpublished)
  onUnpublished(payload: ProjectUnpublishedPayload, context: EventContext): Promise<void> {
    return this.moveOn(payload, false, ProjectUnpublished.type, context);
  }

  @OnEvent(ProjectWithdrawn)
  onWithdrawn(payload: ProjectWithdrawnPayload, context: EventContext): Promise<void> {
    return this.moveOn(payload, false, ProjectWithdrawn.type, context);
  }

  /**
   * Moves the project to `version` without new facts. A known project keeps its last published facts (for the
   * record) and stops being published, unless the event says it still is; an unknown one is remembered by version
   * only (not published: funding has no facts to show for it).
   */
  private async moveOn(
    payload: ProjectEventPayload,
    stillPublished: boolean,
    eventType: string,
    context: EventContext,
  ): Promise<void> {
    const columns = [
      'last_version',
      'last_event_type',
      'updated_at',
      ...(stillPublished ? [] : ['published']),
    ];
    await context.manager
      .createQueryBuilder()
      .insert()
      .into(KnownProject)
      .values({
        projectId: payload.projectId,
        ownerId: payload.ownerId,
        published: false,
        title: null,
        kind: null,
        sector: null,
        provinceCode: null,
        targetGroups: [],
        lastVersion: payload.version,
        lastEventType: eventType,
        updatedAt: this.clock.now(),
      })
      .orUpdate(columns, ['project_id'], {
        overwriteCondition: { where: 'project_directory.last_version < EXCLUDED.last_version' },
      })
      .execute();
  }
}
