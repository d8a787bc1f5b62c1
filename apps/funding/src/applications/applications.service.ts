import { Clock, IdGenerator } from '@khoinghiep/clock';
import {
  type ApplicationStatus,
  ApplicationSubmitted,
  ApplicationWithdrawn,
  type AttachmentDto,
  type BudgetLineDto,
  type CreateApplicationDto,
  isCalendarDate,
  type ListApplicationsQueryDto,
  PAGE_SIZE,
  type Page,
  type UpdateApplicationDto,
  type WithdrawApplicationDto,
} from '@khoinghiep/contracts';
import {
  CursorField,
  decodeCursor,
  encodeCursor,
  InvalidFieldsError,
  pageOf,
  RoleRequiredError,
  type VersionPrecondition,
} from '@khoinghiep/http';
import { type Transaction, UnitOfWork } from '@khoinghiep/messaging';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, QueryFailedError } from 'typeorm';
import { validate as isUuid } from 'uuid';
import { CallDirectory, type CallTerms } from '../eligibility/call-terms.js';
import { EligibilityOutcome } from '../eligibility/eligibility-outcome.entity.js';
import { checkEligibility, isEligible } from '../eligibility/eligibility-rules.js';
import { recordEligibility } from '../eligibility/record-eligibility.js';
import { type CeilingInForce, checkCeilings, requestsByCategory } from '../eligibility/support-ceilings.js';
import { KnownProject } from '../project-directory/known-project.entity.js';
import { RuleBook } from '../rules/rule-book.js';
import { Application } from './application.entity.js';
import {
  ApplicationIncompleteError,
  ApplicationNotFoundError,
  CallNotOpenError,
  CallOutsideWindowError,
  CallUnknownError,
  DuplicateApplicationError,
  IllegalApplicationTransitionError,
  NotApplicantError,
  ProjectNotPublishedError,
  ProjectNotYoursError,
  ProjectUnknownError,
} from './application.errors.js';
import { type Caller, isApplicant, isFundStaff, mayApply, maySee } from './application-access.policy.js';
import { type ApplicationAggregate, effectivePriorityGroups } from './application-aggregate.js';
import { type ApplicationAction, ApplicationHistoryEntry } from './application-history-entry.entity.js';
import { EDITABLE_STATUSES, isEditable, transition } from './application-state-machine.js';
import { applicationVersions } from './application-versions.js';
import { Attachment } from './attachment.entity.js';
import {
  categoryProblems,
  type LineAmounts,
  lineProblems,
  submissionProblems,
  totalsOf,
} from './budget-arithmetic.js';
import { BudgetLine } from './budget-line.entity.js';

const LIST_CURSOR = 'applications';

const amountsOf = (
  lines: readonly Pick<BudgetLineDto, 'category' | 'cost' | 'requested' | 'ownContribution'>[],
) =>
  lines.map(
    (line): LineAmounts => ({
      category: line.category,
      cost: BigInt(line.cost),
      requested: BigInt(line.requested),
      ownContribution: BigInt(line.ownContribution),
    }),
  );

function assertValidLines(lines: readonly LineAmounts[], terms: CallTerms): void {
  const problems = [...lineProblems(lines), ...categoryProblems(lines, terms.allowedCategories)];
  if (problems.length > 0) throw new InvalidFieldsError(problems);
}

/** A declared registration date must be a day that exists. */
function assertRealDate(value: string | null | undefined): void {
  if (value === null || value === undefined || isCalendarDate(value)) return;
  throw new InvalidFieldsError([
    {
      field: 'businessRegisteredOn',
      message: {
        vi: 'Ngày {value} không có trên lịch.',
        en: 'There is no such day as {value}.',
      },
      params: { value },
    },
  ]);
}

export function openCallOrThrow(terms: CallTerms | null, callId: string, now: Date): CallTerms {
  if (!terms) throw new CallUnknownError(callId);
  if (terms.status !== 'open') throw new CallNotOpenError(callId, terms.status);
  if (now < terms.opensAt || now >= terms.closesAt)
    throw new CallOutsideWindowError(callId, terms.opensAt, terms.closesAt);
  return terms;
}

/** The project funding knows as published and owned by the caller; otherwise the problem that names why. */
function applicableProject(project: KnownProject | null, projectId: string, caller: Caller): KnownProject {
  if (!project) throw new ProjectUnknownError(projectId);
  if (project.ownerId !== caller.userId) throw new ProjectNotYoursError(projectId);
  if (!project.published) throw new ProjectNotPublishedError(projectId, project.lastEventType);
  return project;
}

const isUniqueViolation = (error: unknown, constraint: string) =>
  error instanceof QueryFailedError &&
  (error.driverError as { code?: string; constraint?: string }).code === '23505' &&
  (error.driverError as { constraint?: string }).constraint === constraint;

/**
 * What founders do with applications (đề án): draft, edit, submit (eligibility checked in the same transaction),
 * withdraw; and what everyone reads. Every change is one transaction with its history entry and its events.
 */
@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly calls: CallDirectory,
    private readonly rules: RuleBook,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async create(caller: Caller, dto: CreateApplicationDto): Promise<ApplicationAggregate> {
    if (!mayApply(caller)) throw new RoleRequiredError(['founder']);
    assertRealDate(dto.businessRegisteredOn);
    try {
      return await this.unitOfWork.run(async (tx) => {
        const project = applicableProject(
          await tx.manager.findOne(KnownProject, {
            where: { projectId: dto.projectId },
            lock: { mode: 'pessimistic_read' },
          }),
          dto.projectId,
          caller,
        );
        const terms = openCallOrThrow(
          await this.calls.termsOf(dto.callId, { lock: true }),
          dto.callId,
          this.clock.now(),
        );
        const lines = dto.budgetLines ?? [];
        assertValidLines(amountsOf(lines), terms);
        const existing = await tx.manager.findOne(Application, {
          where: {
            callId: dto.callId,
            projectId: dto.projectId,
            status: In(['draft', 'submitted', 'approved', 'rejected']),
          },
        });
        if (existing) throw new DuplicateApplicationError(existing.id);

        const now = this.clock.now();
        const application = Object.assign(new Application(), {
          id: this.ids.next(),
          callId: dto.callId,
          projectId: dto.projectId,
          applicantId: caller.userId,
          kind: 'grant',
          status: 'draft',
          version: 1,
          applicantKind: dto.applicantKind,
          businessRegisteredOn: dto.businessRegisteredOn ?? null,
          declaredPriorityGroups: dto.priorityGroups ?? [],
          coFinancingCentral: dto.coFinancing?.central ?? '0',
          coFinancingProvincial: dto.coFinancing?.provincial ?? '0',
          coFinancingOwn: dto.coFinancing?.own ?? '0',
          eligible: null,
          eligibilityCheckedAt: null,
          withdrawalReason: null,
          createdAt: now,
          updatedAt: now,
          submittedAt: null,
          withdrawnAt: null,
        } satisfies Omit<Application, 'project' | 'call'>);
        await tx.manager.insert(Application, application);
        const stored = {
          lines: await this.replaceLines(tx.manager, application.id, lines),
          attachments: await this.replaceAttachments(tx.manager, application.id, dto.attachments ?? []),
        };
        // A draft is private to its founder: nothing to tell other services yet, but its history starts here.
        await this.recordHistory(tx, caller, application, 'create', null, [], null, now);
        return {
          application,
          ...stored,
          outcomes: [],
          projectTitle: project.title ?? '',
          projectTargetGroups: project.targetGroups,
        };
      });
    } catch (error) {
      if (isUniqueViolation(error, 'UQ_applications_call_project_live')) {
        const existing = await this.dataSource.getRepository(Application).findOneBy({
          callId: dto.callId,
          projectId: dto.projectId,
          status: In(['draft', 'submitted', 'approved', 'rejected']),
        });
        throw new DuplicateApplicationError(existing?.id ?? '?');
      }
      throw error;
    }
  }

  async get(caller: Caller, applicationId: string): Promise<ApplicationAggregate> {
    const application = isUuid(applicationId)
      ? await this.dataSource.getRepository(Application).findOneBy({ id: applicationId })
      : null;
    if (!application || !maySee(caller, application)) throw new ApplicationNotFoundError(applicationId);
    const [aggregate] = await this.aggregatesOf(this.dataSource.manager, [application]);
    return aggregate as ApplicationAggregate;
  }

  /** Merge-patches a draft; lists are replaced whole; a patch that changes nothing changes nothing. */
  update(
    caller: Caller,
    applicationId: string,
    dto: UpdateApplicationDto,
    precondition: VersionPrecondition,
  ): Promise<ApplicationAggregate> {
    assertRealDate(dto.businessRegisteredOn);
    return this.unitOfWork.run(async (tx) => {
      const before = await this.lockOwn(tx.manager, caller, applicationId);
      applicationVersions.assertCurrent(precondition, before.version);
      if (!isEditable(before.status))
        throw new IllegalApplicationTransitionError('update', before.status, EDITABLE_STATUSES);

      const changes: Partial<Application> = {};
      const changedFields: string[] = [];
      const set = <K extends keyof Application>(field: K, value: Application[K], name: string = field) => {
        if (JSON.stringify(value) !== JSON.stringify(before[field])) {
          Object.assign(changes, { [field]: value });
          if (!changedFields.includes(name)) changedFields.push(name);
        }
      };
      if (dto.applicantKind !== undefined) set('applicantKind', dto.applicantKind);
      if (dto.businessRegisteredOn !== undefined) set('businessRegisteredOn', dto.businessRegisteredOn);
      if (dto.priorityGroups !== undefined)
        set('declaredPriorityGroups', dto.priorityGroups, 'priorityGroups');
      if (dto.coFinancing !== undefined) {
        set('coFinancingCentral', dto.coFinancing.central, 'coFinancing');
        set('coFinancingProvincial', dto.coFinancing.provincial, 'coFinancing');
        set('coFinancingOwn', dto.coFinancing.own, 'coFinancing');
      }
      const current = await this.partsOf(tx.manager, before.id);
      let lines = current.lines;
      let attachments = current.attachments;
      if (dto.budgetLines !== undefined) {
        const terms = await this.calls.termsOf(before.callId);
        if (!terms) throw new CallUnknownError(before.callId);
        assertValidLines(amountsOf(dto.budgetLines), terms);
        if (!sameLines(current.lines, dto.budgetLines)) {
          lines = await this.replaceLines(tx.manager, before.id, dto.budgetLines);
          changedFields.push('budgetLines');
        }
      }
      if (dto.attachments !== undefined && !sameAttachments(current.attachments, dto.attachments)) {
        attachments = await this.replaceAttachments(tx.manager, before.id, dto.attachments);
        changedFields.push('attachments');
      }
      const project = await tx.manager.findOneByOrFail(KnownProject, { projectId: before.projectId });
      if (changedFields.length === 0) return this.aggregate(before, lines, attachments, [], project);

      const now = this.clock.now();
      Object.assign(changes, { version: before.version + 1, updatedAt: now });
      await tx.manager.update(Application, { id: before.id }, changes);
      const after = Object.assign(new Application(), before, changes);
      await this.recordHistory(tx, caller, after, 'update', before.status, changedFields, null, now);
      return this.aggregate(after, lines, attachments, [], project);
    });
  }

  /**
   * Submits a draft: the call must be open, the project still published and the founder's, the budget complete
   * and consistent. Eligibility is checked in the same transaction and stored rule by rule; an ineligible
   * application is submitted all the same, marked ineligible.
   */
  submit(
    caller: Caller,
    applicationId: string,
    precondition: VersionPrecondition | null,
  ): Promise<ApplicationAggregate> {
    return this.unitOfWork.run(async (tx) => {
      const before = await this.lockOwn(tx.manager, caller, applicationId);
      applicationVersions.assertCurrent(precondition, before.version);
      const outcome = transition(before.status, 'submit');
      if (!outcome.allowed)
        throw new IllegalApplicationTransitionError('submit', outcome.from, outcome.allowedFrom);
      const terms = openCallOrThrow(
        await this.calls.termsOf(before.callId, { lock: true }),
        before.callId,
        this.clock.now(),
      );
      // A share lock: an unpublication of the project waits for this submission, or this sees it.
      const project = applicableProject(
        await tx.manager.findOne(KnownProject, {
          where: { projectId: before.projectId },
          lock: { mode: 'pessimistic_read' },
        }),
        before.projectId,
        caller,
      );
      const { lines, attachments } = await this.partsOf(tx.manager, before.id);
      const amounts = amountsOf(lines);
      const problems = [
        ...submissionProblems(amounts, {
          central: BigInt(before.coFinancingCentral),
          provincial: BigInt(before.coFinancingProvincial),
          own: BigInt(before.coFinancingOwn),
        }),
        ...categoryProblems(amounts, terms.allowedCategories),
      ];
      if (problems.length > 0) throw new ApplicationIncompleteError(problems);

      const now = this.clock.now();
      const ceilings = await this.ceilingsFor(amounts, project.provinceCode, now);
      if (ceilings.problems.length > 0) throw new ApplicationIncompleteError(ceilings.problems);
      const priorityGroups = effectivePriorityGroups(before.declaredPriorityGroups, project.targetGroups);
      const results = [
        ...checkEligibility(
          terms,
          {
            applicantKind: before.applicantKind,
            businessRegisteredOn: before.businessRegisteredOn,
            priorityGroups,
            project: {
              published: project.published,
              provinceCode: project.provinceCode,
              targetGroups: project.targetGroups,
            },
            completedTrainingTopics: [],
          },
          now,
        ),
        ...ceilings.outcomes,
      ];
      const eligible = isEligible(results);
      const changes: Partial<Application> = {
        status: outcome.to,
        version: before.version + 1,
        eligible,
        eligibilityCheckedAt: now,
        submittedAt: now,
        updatedAt: now,
      };
      await tx.manager.update(Application, { id: before.id }, changes);
      const after = Object.assign(new Application(), before, changes);
      await this.recordHistory(tx, caller, after, 'submit', before.status, [], null, now);

      const totals = totalsOf(amounts);
      const base = {
        applicationId: after.id,
        callId: after.callId,
        projectId: after.projectId,
        applicantId: after.applicantId,
        version: after.version,
      };
      tx.record(ApplicationSubmitted, after.id, {
        ...base,
        kind: after.kind,
        applicantKind: after.applicantKind,
        provinceCode: project.provinceCode as string,
        priorityGroups,
        totalCost: totals.cost.toString(),
        totalRequested: totals.requested.toString(),
        totalOwnContribution: totals.ownContribution.toString(),
        centralBudget: after.coFinancingCentral,
        provincialBudget: after.coFinancingProvincial,
        categories: [...new Set(amounts.map((line) => line.category))],
        eligible,
        submittedAt: now.toISOString(),
      });
      const outcomes = await recordEligibility(tx, after, results, now);
      return this.aggregate(after, lines, attachments, outcomes, project);
    });
  }

  withdraw(
    caller: Caller,
    applicationId: string,
    dto: WithdrawApplicationDto,
    precondition: VersionPrecondition | null,
  ): Promise<ApplicationAggregate> {
    return this.unitOfWork.run(async (tx) => {
      const before = await this.lockOwn(tx.manager, caller, applicationId);
      applicationVersions.assertCurrent(precondition, before.version);
      const outcome = transition(before.status, 'withdraw');
      if (!outcome.allowed)
        throw new IllegalApplicationTransitionError('withdraw', outcome.from, outcome.allowedFrom);
      const now = this.clock.now();
      const reason = dto.reason ?? null;
      const changes: Partial<Application> = {
        status: outcome.to,
        version: before.version + 1,
        withdrawnAt: now,
        withdrawalReason: reason,
        updatedAt: now,
      };
      await tx.manager.update(Application, { id: before.id }, changes);
      const after = Object.assign(new Application(), before, changes);
      await this.recordHistory(tx, caller, after, 'withdraw', before.status, [], reason, now);
      tx.record(ApplicationWithdrawn, after.id, {
        applicationId: after.id,
        callId: after.callId,
        projectId: after.projectId,
        applicantId: after.applicantId,
        version: after.version,
        previousStatus: before.status as 'draft' | 'submitted',
        reason,
        withdrawnAt: now.toISOString(),
      });
      const [aggregate] = await this.aggregatesOf(tx.manager, [after]);
      return aggregate as ApplicationAggregate;
    });
  }

  /** A founder's own applications; fund staff see all of them. Newest first, optionally of one call or status. */
  async list(caller: Caller, query: ListApplicationsQueryDto): Promise<Page<ApplicationAggregate>> {
    const limit = query.limit ?? PAGE_SIZE.default;
    const builder = this.dataSource
      .getRepository(Application)
      .createQueryBuilder('a')
      .orderBy('a.createdAt', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(limit + 1);
    if (!isFundStaff(caller))
      builder.andWhere('a.applicantId = :applicantId', { applicantId: caller.userId });
    if (query.callId) builder.andWhere('a.callId = :callId', { callId: query.callId });
    if (query.status)
      builder.andWhere('a.status = :status', { status: query.status satisfies ApplicationStatus });
    if (query.cursor) {
      const [createdAt, id] = decodeCursor<[string, string]>(query.cursor, LIST_CURSOR, [
        CursorField.timestamp,
        CursorField.uuid,
      ]);
      builder.andWhere('(a.createdAt, a.id) < (:createdAt, :id)', { createdAt, id });
    }
    const rows = await builder.getMany();
    const page = pageOf(
      rows,
      limit,
      (row) => row,
      (row) => encodeCursor(LIST_CURSOR, [row.createdAt.toISOString(), row.id]),
    );
    return {
      items: await this.aggregatesOf(this.dataSource.manager, page.items),
      nextCursor: page.nextCursor,
    };
  }

  /** The support ceilings in force on `on` in the project's province, held against what each category asks. */
  private async ceilingsFor(amounts: readonly LineAmounts[], provinceCode: string | null, on: Date) {
    const requests = requestsByCategory(amounts);
    const ceilings = new Map<LineAmounts['category'], CeilingInForce | null>();
    for (const request of requests) {
      const found = await this.rules.supportCeiling(request.category, provinceCode, on);
      ceilings.set(
        request.category,
        found && {
          amountCap: found.value.amountCap,
          shareOfCostBp: found.value.shareOfCostBp,
          versionId: found.versionId,
          legalSourceNumber: found.legalSourceNumber,
        },
      );
    }
    return checkCeilings(requests, ceilings);
  }

  /** The application locked for the transaction, if the caller may see it and is its applicant. */
  private async lockOwn(manager: EntityManager, caller: Caller, applicationId: string): Promise<Application> {
    const application = isUuid(applicationId)
      ? await manager.findOne(Application, {
          where: { id: applicationId },
          lock: { mode: 'pessimistic_write' },
        })
      : null;
    if (!application || !maySee(caller, application)) throw new ApplicationNotFoundError(applicationId);
    if (!isApplicant(caller, application)) throw new NotApplicantError();
    return application;
  }

  private async replaceLines(
    manager: EntityManager,
    applicationId: string,
    lines: readonly BudgetLineDto[],
  ): Promise<BudgetLine[]> {
    await manager.delete(BudgetLine, { applicationId });
    const rows = lines.map((line, position) =>
      Object.assign(new BudgetLine(), {
        applicationId,
        position,
        category: line.category,
        description: line.description,
        cost: line.cost,
        requested: line.requested,
        ownContribution: line.ownContribution,
      } satisfies Omit<BudgetLine, 'application'>),
    );
    if (rows.length > 0) await manager.insert(BudgetLine, rows);
    return rows;
  }

  private async replaceAttachments(
    manager: EntityManager,
    applicationId: string,
    files: readonly AttachmentDto[],
  ): Promise<Attachment[]> {
    await manager.delete(Attachment, { applicationId });
    const rows = files.map((file, position) =>
      Object.assign(new Attachment(), {
        applicationId,
        position,
        name: file.name,
        mediaType: file.mediaType,
        sizeBytes: String(file.sizeBytes),
        sha256: file.sha256,
      } satisfies Omit<Attachment, 'application'>),
    );
    if (rows.length > 0) await manager.insert(Attachment, rows);
    return rows;
  }

  private async partsOf(manager: EntityManager, applicationId: string) {
    // One connection per transaction: its queries go one after the other.
    const lines = await manager.find(BudgetLine, { where: { applicationId }, order: { position: 'ASC' } });
    const attachments = await manager.find(Attachment, {
      where: { applicationId },
      order: { position: 'ASC' },
    });
    return { lines, attachments };
  }

  private aggregate(
    application: Application,
    lines: BudgetLine[],
    attachments: Attachment[],
    outcomes: EligibilityOutcome[],
    project: KnownProject,
  ): ApplicationAggregate {
    return {
      application,
      lines,
      attachments,
      outcomes,
      projectTitle: project.title ?? '',
      projectTargetGroups: project.targetGroups,
    };
  }

  private async aggregatesOf(
    manager: EntityManager,
    applications: Application[],
  ): Promise<ApplicationAggregate[]> {
    if (applications.length === 0) return [];
    const ids = applications.map((application) => application.id);
    const projectIds = [...new Set(applications.map((application) => application.projectId))];
    const lines = await manager.find(BudgetLine, { where: { applicationId: In(ids) } });
    const attachments = await manager.find(Attachment, { where: { applicationId: In(ids) } });
    const outcomes = await manager.find(EligibilityOutcome, { where: { applicationId: In(ids) } });
    const projects = await manager.find(KnownProject, { where: { projectId: In(projectIds) } });
    const projectById = new Map(projects.map((project) => [project.projectId, project]));
    return applications.map((application) => {
      const project = projectById.get(application.projectId);
      return {
        application,
        lines: lines.filter((line) => line.applicationId === application.id),
        attachments: attachments.filter((file) => file.applicationId === application.id),
        outcomes: outcomes.filter((outcome) => outcome.applicationId === application.id),
        projectTitle: project?.title ?? '',
        projectTargetGroups: project?.targetGroups ?? [],
      };
    });
  }

  private async recordHistory(
    tx: Transaction,
    caller: Caller,
    application: Application,
    action: ApplicationAction,
    fromStatus: ApplicationStatus | null,
    changedFields: string[],
    comment: string | null,
    occurredAt: Date,
  ): Promise<void> {
    await tx.manager.insert(ApplicationHistoryEntry, {
      id: this.ids.next(),
      applicationId: application.id,
      action,
      fromStatus,
      toStatus: application.status,
      version: application.version,
      actorId: caller.userId,
      actorRoles: [...caller.roles],
      changedFields,
      comment,
      occurredAt,
    } satisfies ApplicationHistoryEntry);
  }
}

const lineKey = (
  line: Pick<BudgetLineDto, 'category' | 'description' | 'cost' | 'requested' | 'ownContribution'>,
) => [line.category, line.description, line.cost, line.requested, line.ownContribution].join('\u0000');

function sameLines(stored: readonly BudgetLine[], given: readonly BudgetLineDto[]): boolean {
  return (
    stored.length === given.length &&
    stored.every((line, index) => lineKey(line) === lineKey(given[index] as BudgetLineDto))
  );
}

const fileKey = (file: { name: string; mediaType: string; sizeBytes: string | number; sha256: string }) =>
  [file.name, file.mediaType, String(file.sizeBytes), file.sha256].join('\u0000');

function sameAttachments(stored: readonly Attachment[], given: readonly AttachmentDto[]): boolean {
  return (
    stored.length === given.length &&
    stored.every((file, index) => fileKey(file) === fileKey(given[index] as AttachmentDto))
  );
}
