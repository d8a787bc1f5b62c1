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
import type { EntityManager } from 'typeorm';
import { ProjectIndexing } from '../match-index/project-indexing.js';
import { RefillWorker } from '../match-index/refill-worker.js';
import {
  type CatalogueChange,
  publishInCatalogue,
  unpublishInCatalogue,
  updateInCatalogue,
  withdrawInCatalogue,
} from './catalogue-writes.js';

/**
 * Keeps `catalogued_projects` from `projects.events`, and the stored matches with it in the event's transaction: a
 * project published enters the lists at once; one unpublished, withdrawn, sent back to its founder or published
 * again with other facts leaves every list at once. The inbox applies each event once; the version condition makes
 * an older event change nothing. An invalid event never gets here (the consumer dead-letters it).
 */
@Controller()
export class CatalogueProjector {
  constructor(
    private readonly clock: Clock,
    private readonly projects: ProjectIndexing,
    private readonly refills: RefillWorker,
  ) {}

  @OnEvent(ProjectApproved)
  onApproved(payload: ProjectApprovedPayload, context: EventContext): Promise<void> {
    return this.apply(payload, context, (manager, at) => publishInCatalogue(manager, payload, at));
  }

  @OnEvent(ProjectUpdated)
  onUpdated(payload: ProjectUpdatedPayload, context: EventContext): Promise<void> {
    return this.apply(payload, context, (manager, at) => updateInCatalogue(manager, payload, at));
  }

  @OnEvent(ProjectUnpublished)
  onUnpublished(payload: ProjectUnpublishedPayload, context: EventContext): Promise<void> {
    return this.apply(payload, context, (manager, at) => unpublishInCatalogue(manager, payload, at));
  }

  @OnEvent(ProjectWithdrawn)
  onWithdrawn(payload: ProjectWithdrawnPayload, context: EventContext): Promise<void> {
    return this.apply(payload, context, (manager, at) => withdrawInCatalogue(manager, payload, at));
  }

  private async apply(
    payload: ProjectEventPayload,
    context: EventContext,
    write: (manager: EntityManager, at: Date) => Promise<CatalogueChange>,
  ): Promise<void> {
    const { manager } = context;
    const before = await this.projects.lockForProject(manager, payload.projectId);
    if (before && before.lastVersion >= payload.version) return;
    const after = await write(manager, this.clock.now());
    if (!after.applied) return;
    // Its old scores go: it is no longer published, or published with other facts.
    if (before?.published && (!after.published || after.facts)) {
      await this.projects.removeProject(manager, payload.projectId);
      context.afterCommit(() => this.refills.wake());
    }
    if (after.facts) await this.projects.addProject(manager, after.facts);
  }
}
