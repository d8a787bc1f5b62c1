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
import { ProjectIndexing } from '../match-index/project-indexing.js';
import { RefillWorker } from '../match-index/refill-worker.js';
import { moveOnInCatalogue, publishInCatalogue } from './catalogue-writes.js';

/**
 * Keeps `catalogued_projects` from `projects.events` and the stored matches with it, in the event's transaction: a
 * project published enters the lists at once, one unpublished, withdrawn or sent back to its founder leaves every
 * list at once. The inbox applies each event once; the version condition makes an older event change nothing. An
 * invalid event never gets here (the consumer dead-letters it).
 */
@Controller()
export class CatalogueProjector {
  constructor(
    private readonly clock: Clock,
    private readonly projects: ProjectIndexing,
    private readonly refills: RefillWorker,
  ) {}

  @OnEvent(ProjectApproved)
  async onApproved(payload: ProjectApprovedPayload, context: EventContext): Promise<void> {
    const { manager } = context;
    const before = await this.projects.lockForProject(manager, payload.projectId);
    if (before && before.lastVersion >= payload.version) return;
    if (!(await publishInCatalogue(manager, payload, ProjectApproved.type, this.clock.now()))) return;
    // Published again with new facts: its old scores go first.
    if (before?.published) await this.removeFromLists(payload.projectId, context);
    await this.projects.addProject(manager, payload.projectId);
  }

  /** Edited: only a project that is not published is edited, unless the event says it still is. */
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

  private async moveOn(
    payload: ProjectEventPayload,
    stillPublished: boolean,
    eventType: string,
    context: EventContext,
  ): Promise<void> {
    const { manager } = context;
    const before = await this.projects.lockForProject(manager, payload.projectId);
    if (before && before.lastVersion >= payload.version) return;
    await moveOnInCatalogue(manager, payload, stillPublished, eventType, this.clock.now());
    if (before?.published && !stillPublished) await this.removeFromLists(payload.projectId, context);
  }

  private async removeFromLists(projectId: string, context: EventContext): Promise<void> {
    await this.projects.removeProject(context.manager, projectId);
    context.afterCommit(() => this.refills.wake());
  }
}
