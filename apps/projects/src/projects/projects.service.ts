import { Clock, IdGenerator } from '@khoinghiep/clock';
import {
  type CreateProjectDto,
  PAGE_SIZE,
  type Page,
  type PageQueryDto,
  PROJECT_FIELDS,
  type ProjectStatus,
  ProjectSubmitted,
  ProjectUpdated,
  ProjectWithdrawn,
  type UpdateProjectDto,
  type WithdrawProjectDto,
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
import { validate as isUuid } from 'uuid';
import { ProjectHistoryService } from '../history/project-history.service.js';
import { Project } from './project.entity.js';
import {
  IllegalProjectTransitionError,
  NotProjectOwnerError,
  ProjectNotFoundError,
} from './project.errors.js';
import { type Caller, isOwner, mayCreateProjects, maySee } from './project-access.policy.js';
import { EDITABLE_STATUSES, isEditable } from './project-state-machine.js';
import { projectVersions } from './project-versions.js';
import { eventOf, ProjectWorkflow } from './project-workflow.js';

const MINE_CURSOR = 'mine';

function ownerOnly(caller: Caller, project: Project): void {
  if (!isOwner(caller, project)) throw new NotProjectOwnerError();
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What founders do with their projects: create, edit, submit, withdraw, read and list them. */
@Injectable()
export class ProjectsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly workflow: ProjectWorkflow,
    private readonly history: ProjectHistoryService,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async create(caller: Caller, dto: CreateProjectDto): Promise<Project> {
    if (!mayCreateProjects(caller)) throw new RoleRequiredError(['founder']);
    const now = this.clock.now();
    const project = Object.assign(new Project(), {
      id: this.ids.next(),
      ownerId: caller.userId,
      status: 'draft' satisfies ProjectStatus,
      version: 1,
      title: dto.title,
      summary: dto.summary,
      description: dto.description,
      kind: dto.kind,
      sector: dto.sector,
      stage: dto.stage,
      provinceCode: dto.provinceCode,
      commune: dto.commune,
      fundingAsk: dto.fundingAsk,
      teamSize: dto.teamSize,
      targetGroups: dto.targetGroups ?? [],
      ocopStars: dto.ocopStars ?? null,
      certificationLevel: dto.certificationLevel ?? null,
      website: dto.website ?? null,
      sharedContactFields: dto.sharedContactFields ?? [],
      lastReviewComment: null,
      createdAt: now,
      updatedAt: now,
      submittedAt: null,
      firstSubmittedAt: null,
      publishedAt: null,
    } satisfies Omit<Project, 'province'>);
    // A draft is private to its founder: nothing to tell other services yet, but the history starts here.
    await this.workflow.run(async (tx) => {
      await tx.manager.insert(Project, project);
      await this.history.record({
        projectId: project.id,
        action: 'create',
        fromStatus: null,
        toStatus: project.status,
        version: project.version,
        actor: caller,
        occurredAt: now,
      });
    });
    return project;
  }

  async get(caller: Caller, projectId: string): Promise<Project> {
    const project = isUuid(projectId)
      ? await this.dataSource.getRepository(Project).findOneBy({ id: projectId })
      : null;
    if (!project || !maySee(caller, project)) throw new ProjectNotFoundError(projectId);
    return project;
  }

  /** Merge-patches a draft or a project sent back for revision; a patch that changes nothing changes nothing. */
  update(
    caller: Caller,
    projectId: string,
    dto: UpdateProjectDto,
    precondition: VersionPrecondition,
  ): Promise<Project> {
    return this.workflow.run(async (tx) => {
      const before = await this.workflow.lockVisible(caller, projectId);
      ownerOnly(caller, before);
      projectVersions.assertCurrent(precondition, before.version);
      if (!isEditable(before.status)) {
        throw new IllegalProjectTransitionError('update', before.status, EDITABLE_STATUSES);
      }
      const changes: Partial<Project> = {};
      for (const field of PROJECT_FIELDS) {
        const given = dto[field];
        if (given === undefined) continue;
        const value =
          given === null && (field === 'targetGroups' || field === 'sharedContactFields') ? [] : given;
        if (!sameValue(value, before[field])) Object.assign(changes, { [field]: value });
      }
      const changedFields = Object.keys(changes);
      if (changedFields.length === 0) return before;

      const now = this.clock.now();
      Object.assign(changes, { version: before.version + 1, updatedAt: now });
      await tx.manager.update(Project, { id: before.id }, changes);
      const after = Object.assign(new Project(), before, changes);
      await this.history.record({
        projectId: after.id,
        action: 'update',
        fromStatus: before.status,
        toStatus: after.status,
        version: after.version,
        actor: caller,
        changedFields,
        occurredAt: now,
      });
      tx.record(ProjectUpdated, after.id, {
        projectId: after.id,
        ownerId: after.ownerId,
        version: after.version,
        status: after.status,
        changedFields,
      });
      return after;
    });
  }

  submit(caller: Caller, projectId: string, precondition: VersionPrecondition | null): Promise<Project> {
    return this.workflow.transition(caller, projectId, {
      action: 'submit',
      precondition,
      authorise: ownerOnly,
      changes: (project, now) => ({ submittedAt: now, firstSubmittedAt: project.firstSubmittedAt ?? now }),
      event: (before, after) =>
        eventOf(ProjectSubmitted, {
          projectId: after.id,
          ownerId: after.ownerId,
          version: after.version,
          title: after.title,
          kind: after.kind,
          sector: after.sector,
          stage: after.stage,
          provinceCode: after.provinceCode,
          fundingAsk: after.fundingAsk,
          submittedAt: (after.submittedAt as Date).toISOString(),
          resubmission: before.status === 'revision_requested',
        }),
    });
  }

  withdraw(
    caller: Caller,
    projectId: string,
    dto: WithdrawProjectDto,
    precondition: VersionPrecondition | null,
  ): Promise<Project> {
    return this.workflow.transition(caller, projectId, {
      action: 'withdraw',
      precondition,
      authorise: ownerOnly,
      comment: dto.reason ?? null,
      event: (before, after) =>
        eventOf(ProjectWithdrawn, {
          projectId: after.id,
          ownerId: after.ownerId,
          version: after.version,
          previousStatus: before.status,
          reason: dto.reason ?? null,
        }),
    });
  }

  /** The caller's own projects in every state, newest first. */
  async listMine(caller: Caller, page: PageQueryDto): Promise<Page<Project>> {
    const limit = page.limit ?? PAGE_SIZE.default;
    const query = this.dataSource
      .getRepository(Project)
      .createQueryBuilder('p')
      .where('p.ownerId = :ownerId', { ownerId: caller.userId })
      .orderBy('p.createdAt', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .limit(limit + 1);
    if (page.cursor) {
      const [createdAt, id] = decodeCursor<[string, string]>(page.cursor, MINE_CURSOR, [
        CursorField.timestamp,
        CursorField.uuid,
      ]);
      query.andWhere('(p.createdAt, p.id) < (:createdAt, :id)', { createdAt, id });
    }
    const rows = await query.getMany();
    return pageOf(
      rows,
      limit,
      (row) => row,
      (row) => encodeCursor(MINE_CURSOR, [row.createdAt.toISOString(), row.id]),
    );
  }
}
