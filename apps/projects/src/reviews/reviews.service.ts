import {
  PAGE_SIZE,
  type Page,
  type PageQueryDto,
  ProjectApproved,
  ProjectRejected,
  ProjectRevisionRequested,
  ProjectUnpublished,
  type ReviewProjectDto,
  type UnpublishProjectDto,
} from '@khoinghiep/contracts';
import {
  CursorField,
  decodeCursor,
  encodeCursor,
  pageOf,
  RoleRequiredError,
  type VersionPrecondition,
} from '@khoinghiep/http';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Project } from '../projects/project.entity.js';
import {
  type Caller,
  isOverseer,
  mayReview,
  visibilityCondition,
  visibilityFor,
} from '../projects/project-access.policy.js';
import { eventOf, type PendingEvent, ProjectWorkflow } from '../projects/project-workflow.js';

const QUEUE_CURSOR = 'review-queue';
const REVIEWER_ROLES = ['programme_officer'];

function reviewersOnly(caller: Caller): void {
  if (!mayReview(caller)) throw new RoleRequiredError(REVIEWER_ROLES);
}

/** What programme officers do: read the review queue, decide on submitted projects, take published ones down. */
@Injectable()
export class ReviewsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly workflow: ProjectWorkflow,
  ) {}

  /** Submitted projects, the longest-waiting first. */
  async queue(caller: Caller, page: PageQueryDto): Promise<Page<Project>> {
    if (!isOverseer(caller)) throw new RoleRequiredError([...REVIEWER_ROLES, 'admin']);
    const limit = page.limit ?? PAGE_SIZE.default;
    const visible = visibilityCondition(visibilityFor(caller), 'p');
    const query = this.dataSource
      .getRepository(Project)
      .createQueryBuilder('p')
      .where("p.status = 'submitted'")
      .andWhere(visible.sql, visible.params)
      .orderBy('p.submittedAt', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .limit(limit + 1);
    if (page.cursor) {
      const [submittedAt, id] = decodeCursor<[string, string]>(page.cursor, QUEUE_CURSOR, [
        CursorField.timestamp,
        CursorField.uuid,
      ]);
      query.andWhere('(p.submittedAt, p.id) > (:submittedAt, :id)', { submittedAt, id });
    }
    const rows = await query.getMany();
    return pageOf(
      rows,
      limit,
      (row) => row,
      (row) => encodeCursor(QUEUE_CURSOR, [(row.submittedAt as Date).toISOString(), row.id]),
    );
  }

  review(
    caller: Caller,
    projectId: string,
    dto: ReviewProjectDto,
    precondition: VersionPrecondition | null,
  ): Promise<Project> {
    reviewersOnly(caller);
    const comment = dto.comment ?? null;
    const base = { precondition, authorise: reviewersOnly, comment };
    switch (dto.decision) {
      case 'approve':
        return this.workflow.transition(caller, projectId, {
          ...base,
          action: 'approve',
          changes: (_project, now) => ({ publishedAt: now, lastReviewComment: comment }),
          event: (_before, after) => approvedEvent(after, caller, comment),
        });
      case 'request_revision':
        return this.workflow.transition(caller, projectId, {
          ...base,
          action: 'request_revision',
          changes: () => ({ lastReviewComment: comment }),
          event: (_before, after) =>
            eventOf(ProjectRevisionRequested, {
              projectId: after.id,
              ownerId: after.ownerId,
              version: after.version,
              reviewerId: caller.userId,
              comment: comment ?? '',
            }),
        });
      case 'reject':
        return this.workflow.transition(caller, projectId, {
          ...base,
          action: 'reject',
          changes: () => ({ lastReviewComment: comment }),
          event: (_before, after) =>
            eventOf(ProjectRejected, {
              projectId: after.id,
              ownerId: after.ownerId,
              version: after.version,
              reviewerId: caller.userId,
              reason: comment ?? '',
            }),
        });
    }
  }

  unpublish(
    caller: Caller,
    projectId: string,
    dto: UnpublishProjectDto,
    precondition: VersionPrecondition | null,
  ): Promise<Project> {
    reviewersOnly(caller);
    return this.workflow.transition(caller, projectId, {
      action: 'unpublish',
      precondition,
      authorise: reviewersOnly,
      comment: dto.reason,
      changes: () => ({ lastReviewComment: dto.reason }),
      event: (_before, after) =>
        eventOf(ProjectUnpublished, {
          projectId: after.id,
          ownerId: after.ownerId,
          version: after.version,
          officerId: caller.userId,
          reason: dto.reason,
        }),
    });
  }
}

/** The published project as matching and funding eligibility need it. */
function approvedEvent(project: Project, reviewer: Caller, comment: string | null): PendingEvent {
  return eventOf(ProjectApproved, {
    projectId: project.id,
    ownerId: project.ownerId,
    version: project.version,
    title: project.title,
    summary: project.summary,
    kind: project.kind,
    sector: project.sector,
    stage: project.stage,
    provinceCode: project.provinceCode,
    commune: project.commune,
    fundingAsk: project.fundingAsk,
    teamSize: project.teamSize,
    targetGroups: project.targetGroups,
    ocopStars: project.ocopStars,
    certificationLevel: project.certificationLevel,
    website: project.website,
    sharedContactFields: project.sharedContactFields,
    publishedAt: (project.publishedAt as Date).toISOString(),
    reviewerId: reviewer.userId,
    comment,
  });
}
