import { AccountStandingRecord } from '@khoinghiep/auth';
import { Clock, IdGenerator } from '@khoinghiep/clock';
import {
  ApplicationAppraised,
  AppraisalClosed,
  type AppraisalSummaryPayload,
  AppraiserAssigned,
  AppraiserDeclared,
  type AssignAppraisersDto,
  type CloseAppraisalDto,
  type DeclareConflictDto,
  type ListMyAppraisalsQueryDto,
  PAGE_SIZE,
  type Page,
  Role,
  type ScoreAppraisalDto,
} from '@khoinghiep/contracts';
import { CursorField, decodeCursor, encodeCursor, pageOf, RoleRequiredError } from '@khoinghiep/http';
import { type Transaction, UnitOfWork } from '@khoinghiep/messaging';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import { validate as isUuid } from 'uuid';
import { Application } from '../applications/application.entity.js';
import { ApplicationNotFoundError } from '../applications/application.errors.js';
import { FundingCall } from '../calls/funding-call.entity.js';
import { Appraisal } from './appraisal.entity.js';
import {
  AlreadyDeclaredError,
  ApplicantAsAppraiserError,
  ApplicantExcludedError,
  ApplicationDecidedError,
  ApplicationNotAppraisableError,
  AppraisalClosedError,
  AppraisalNotFoundError,
  AppraiserAlreadyAssignedError,
  AppraiserNotFundOfficerError,
  ConflictDeclaredError,
  DeclarationRequiredError,
  NotAssignedError,
  type NotOfficerReason,
  ScoresRefusedError,
} from './appraisal.errors.js';
import { type AppraisalAggregate, type PanelSummary, summaryOf } from './appraisal-aggregate.js';
import { weightedMeanOf } from './appraisal-arithmetic.js';
import { AppraisalAssignment } from './appraisal-assignment.entity.js';
import { AppraisalHistoryEntry } from './appraisal-history-entry.entity.js';
import {
  APPRAISAL_READERS,
  APPRAISERS,
  type Caller,
  checkScores,
  isUndecided,
  mayAppraise,
  mayReadAppraisals,
  scoringRefusal,
} from './appraisal-rules.js';
import { AppraisalScore } from './appraisal-score.entity.js';
import { AppraiserRosterEntry } from './appraiser-roster-entry.entity.js';

/** What an appraiser's own command answers: their assignment and scores, with the rubric to show them by. */
export interface OwnAssessment {
  assignment: AppraisalAssignment;
  scores: AppraisalScore[];
  appraisal: Appraisal;
}

const MINE_CURSOR = 'my-appraisals';

const decimal = (value: number | null, digits: number) => (value === null ? null : value.toFixed(digits));

/** The panel's summary as events carry it: decimal strings, never floats. */
const summaryFields = (summary: PanelSummary): Omit<AppraisalSummaryPayload, 'applicationId' | 'callId'> => ({
  assigned: summary.assigned,
  scored: summary.scored,
  recused: summary.recused,
  mean: decimal(summary.mean, 4),
  min: decimal(summary.min, 2),
  max: decimal(summary.max, 2),
  standardDeviation: decimal(summary.standardDeviation, 4),
});

/**
 * Appraisal (thẩm định) of submitted applications: fund officers join the appraiser roster, assign appraisers and
 * close appraisals; appraisers declare a conflict of interest (or none) and score. Each command locks the
 * application row first, so the commands of one application run one after another (and after or before a decision
 * on it, never during), and is one transaction with its history entry and its events.
 */
@Injectable()
export class AppraisalService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  /** The caller joins (or refreshes their entry on) the roster, with what their verified token says. */
  joinRoster(caller: Caller, name: string, securityVersion: number): Promise<AppraiserRosterEntry> {
    if (!mayAppraise(caller)) throw new RoleRequiredError(APPRAISERS);
    return this.unitOfWork.run(async (tx) => {
      const now = this.clock.now();
      const known = await tx.manager.findOne(AppraiserRosterEntry, {
        where: { accountId: caller.userId },
        lock: { mode: 'pessimistic_write' },
      });
      const entry = Object.assign(new AppraiserRosterEntry(), {
        accountId: caller.userId,
        name,
        roles: [...caller.roles],
        securityVersion: Math.max(securityVersion, known?.securityVersion ?? 0),
        joinedAt: known?.joinedAt ?? now,
        updatedAt: now,
      });
      await tx.manager.save(AppraiserRosterEntry, entry);
      return entry;
    });
  }

  assign(caller: Caller, applicationId: string, dto: AssignAppraisersDto): Promise<AppraisalAggregate> {
    if (!mayAppraise(caller)) throw new RoleRequiredError(APPRAISERS);
    return this.unitOfWork.run(async (tx) => {
      const application = await this.lockApplication(tx.manager, applicationId);
      if (application.applicantId === caller.userId) throw new ApplicantExcludedError(application.id);
      if (application.status !== 'submitted' || application.eligible !== true)
        throw new ApplicationNotAppraisableError(application.status, application.eligible);
      const now = this.clock.now();
      let appraisal = await tx.manager.findOne(Appraisal, { where: { applicationId: application.id } });
      if (appraisal?.status === 'closed') throw new AppraisalClosedError(application.id);
      const panel = appraisal
        ? await tx.manager.find(AppraisalAssignment, { where: { applicationId: application.id } })
        : [];
      const roster = await tx.manager.find(AppraiserRosterEntry, {
        where: { accountId: In(dto.appraiserIds) },
      });
      const standing = await tx.manager.find(AccountStandingRecord, {
        where: { accountId: In(dto.appraiserIds) },
      });
      const appraisers = dto.appraiserIds.map((appraiserId, position) => {
        if (appraiserId === application.applicantId)
          throw new ApplicantAsAppraiserError(appraiserId, position);
        if (panel.some((assignment) => assignment.appraiserId === appraiserId))
          throw new AppraiserAlreadyAssignedError(appraiserId);
        const entry = roster.find((candidate) => candidate.accountId === appraiserId);
        const reason = notOfficerReason(
          entry,
          standing.find((record) => record.accountId === appraiserId),
        );
        if (reason || !entry)
          throw new AppraiserNotFundOfficerError(appraiserId, position, reason ?? 'not_on_roster');
        return entry;
      });

      if (!appraisal) {
        const call = await tx.manager.findOneOrFail(FundingCall, { where: { id: application.callId } });
        appraisal = Object.assign(new Appraisal(), {
          applicationId: application.id,
          callId: application.callId,
          rubric: call.appraisalRubric,
          status: 'open',
          version: 1,
          openedBy: caller.userId,
          openedAt: now,
          closedBy: null,
          closedAt: null,
          closeReason: null,
        } satisfies Appraisal);
        await tx.manager.insert(Appraisal, appraisal);
      } else {
        appraisal.version += 1;
        await tx.manager.update(Appraisal, { applicationId: application.id }, { version: appraisal.version });
      }
      for (const appraiser of appraisers) {
        await tx.manager.insert(AppraisalAssignment, {
          id: this.ids.next(),
          applicationId: application.id,
          appraiserId: appraiser.accountId,
          appraiserName: appraiser.name,
          assignedBy: caller.userId,
          assignedAt: now,
          declaration: 'pending',
          declaredAt: null,
          recusalReason: null,
          revision: 0,
          weightedMean: null,
          scoredAt: null,
        } satisfies AppraisalAssignment);
        await this.recordHistory(tx, caller, application.id, 'assign', appraiser.accountId, null, null, now);
        tx.record(AppraiserAssigned, application.id, {
          applicationId: application.id,
          callId: application.callId,
          appraiserId: appraiser.accountId,
          assignedAt: now.toISOString(),
        });
      }
      return this.aggregateOf(tx.manager, appraisal);
    });
  }

  declare(caller: Caller, applicationId: string, dto: DeclareConflictDto): Promise<OwnAssessment> {
    if (!mayAppraise(caller)) throw new RoleRequiredError(APPRAISERS);
    return this.unitOfWork.run(async (tx) => {
      const { application, appraisal, assignment } = await this.ownAssignment(
        tx.manager,
        caller,
        applicationId,
      );
      if (assignment.declaration !== 'pending') throw new AlreadyDeclaredError(assignment.declaration);
      const now = this.clock.now();
      const reason = dto.declaration === 'recused' ? (dto.reason ?? null) : null;
      const changes = { declaration: dto.declaration, declaredAt: now, recusalReason: reason };
      await tx.manager.update(AppraisalAssignment, { id: assignment.id }, changes);
      await this.bumpVersion(tx.manager, appraisal);
      await this.recordHistory(
        tx,
        caller,
        application.id,
        dto.declaration === 'recused' ? 'recuse' : 'declare_no_conflict',
        caller.userId,
        reason,
        null,
        now,
      );
      tx.record(AppraiserDeclared, application.id, {
        applicationId: application.id,
        callId: appraisal.callId,
        appraiserId: caller.userId,
        declaration: dto.declaration,
        reason,
        declaredAt: now.toISOString(),
      });
      return { assignment: Object.assign(assignment, changes), scores: [], appraisal };
    });
  }

  score(caller: Caller, applicationId: string, dto: ScoreAppraisalDto): Promise<OwnAssessment> {
    if (!mayAppraise(caller)) throw new RoleRequiredError(APPRAISERS);
    return this.unitOfWork.run(async (tx) => {
      const { application, appraisal, assignment } = await this.ownAssignment(
        tx.manager,
        caller,
        applicationId,
      );
      const refusal = scoringRefusal(assignment.declaration);
      if (refusal === 'declaration_required') throw new DeclarationRequiredError();
      if (refusal === 'conflict') throw new ConflictDeclaredError();
      const verdict = checkScores(dto.scores, appraisal.rubric);
      if (verdict)
        throw new ScoresRefusedError(verdict.code, verdict.errors, {
          criteria: appraisal.rubric.criteria.map((criterion) => criterion.code),
          min: appraisal.rubric.scale.min,
          max: appraisal.rubric.scale.max,
        });

      const now = this.clock.now();
      const weightedMean = weightedMeanOf(
        dto.scores.map((entry) => ({ criterionCode: entry.criterion, score: entry.score })),
        appraisal.rubric,
      );
      const scores = dto.scores.map((entry) =>
        Object.assign(new AppraisalScore(), {
          assignmentId: assignment.id,
          criterionCode: entry.criterion,
          score: entry.score,
          comment: entry.comment ?? null,
        }),
      );
      await tx.manager.delete(AppraisalScore, { assignmentId: assignment.id });
      await tx.manager.insert(AppraisalScore, scores);
      const changes = { revision: assignment.revision + 1, weightedMean, scoredAt: now };
      await tx.manager.update(AppraisalAssignment, { id: assignment.id }, changes);
      Object.assign(assignment, changes);
      await this.bumpVersion(tx.manager, appraisal);
      await this.recordHistory(
        tx,
        caller,
        application.id,
        'score',
        caller.userId,
        null,
        {
          revision: changes.revision,
          weightedMean,
          scores: scores.map(({ criterionCode, score, comment }) => ({ criterionCode, score, comment })),
        },
        now,
      );
      const panel = await tx.manager.find(AppraisalAssignment, { where: { applicationId: application.id } });
      tx.record(ApplicationAppraised, application.id, {
        applicationId: application.id,
        callId: appraisal.callId,
        appraiserId: caller.userId,
        revision: changes.revision,
        weightedMean,
        ...summaryFields(summaryOf(panel)),
        appraisedAt: now.toISOString(),
      });
      return { assignment, scores, appraisal };
    });
  }

  close(caller: Caller, applicationId: string, dto: CloseAppraisalDto): Promise<AppraisalAggregate> {
    if (!mayAppraise(caller)) throw new RoleRequiredError(APPRAISERS);
    return this.unitOfWork.run(async (tx) => {
      const application = await this.lockApplication(tx.manager, applicationId);
      if (application.applicantId === caller.userId) throw new ApplicantExcludedError(application.id);
      const appraisal = await this.appraisalOf(tx.manager, application.id);
      if (appraisal.status === 'closed') throw new AppraisalClosedError(application.id);
      const now = this.clock.now();
      const reason = dto.reason ?? null;
      const changes = {
        status: 'closed' as const,
        version: appraisal.version + 1,
        closedAt: now,
        closedBy: caller.userId,
        closeReason: reason,
      };
      await tx.manager.update(Appraisal, { applicationId: application.id }, changes);
      Object.assign(appraisal, changes);
      await this.recordHistory(tx, caller, application.id, 'close', null, reason, null, now);
      const aggregate = await this.aggregateOf(tx.manager, appraisal);
      tx.record(AppraisalClosed, application.id, {
        applicationId: application.id,
        callId: appraisal.callId,
        ...summaryFields(summaryOf(aggregate.assignments)),
        reason,
        closedAt: now.toISOString(),
      });
      return aggregate;
    });
  }

  async get(caller: Caller, applicationId: string): Promise<AppraisalAggregate> {
    if (!mayReadAppraisals(caller)) throw new RoleRequiredError(APPRAISAL_READERS);
    const manager = this.dataSource.manager;
    const application = isUuid(applicationId)
      ? await manager.findOne(Application, { where: { id: applicationId } })
      : null;
    if (!application) throw new ApplicationNotFoundError(applicationId);
    if (application.applicantId === caller.userId) throw new ApplicantExcludedError(application.id);
    return this.aggregateOf(manager, await this.appraisalOf(manager, application.id));
  }

  /** The caller's assignments with their appraisal, newest first, a page at a time. */
  async listMine(
    caller: Caller,
    query: ListMyAppraisalsQueryDto,
  ): Promise<Page<{ assignment: AppraisalAssignment; appraisal: Appraisal }>> {
    if (!mayAppraise(caller)) throw new RoleRequiredError(APPRAISERS);
    const limit = query.limit ?? PAGE_SIZE.default;
    const builder = this.dataSource
      .getRepository(AppraisalAssignment)
      .createQueryBuilder('s')
      .where('s.appraiserId = :appraiserId', { appraiserId: caller.userId })
      .orderBy('s.assignedAt', 'DESC')
      .addOrderBy('s.id', 'DESC')
      .limit(limit + 1);
    if (query.cursor) {
      const [assignedAt, id] = decodeCursor<[string, string]>(query.cursor, MINE_CURSOR, [
        CursorField.timestamp,
        CursorField.uuid,
      ]);
      builder.andWhere('(s.assignedAt, s.id) < (:assignedAt, :id)', { assignedAt, id });
    }
    const rows = await builder.getMany();
    const appraisals =
      rows.length === 0
        ? []
        : await this.dataSource.manager.find(Appraisal, {
            where: { applicationId: In(rows.map((row) => row.applicationId)) },
          });
    return pageOf(
      rows,
      limit,
      (assignment) => ({
        assignment,
        appraisal: appraisals.find(
          (candidate) => candidate.applicationId === assignment.applicationId,
        ) as Appraisal,
      }),
      (row) => encodeCursor(MINE_CURSOR, [row.assignedAt.toISOString(), row.id]),
    );
  }

  private async lockApplication(manager: EntityManager, applicationId: string): Promise<Application> {
    const application = isUuid(applicationId)
      ? await manager.findOne(Application, {
          where: { id: applicationId },
          lock: { mode: 'pessimistic_write' },
        })
      : null;
    if (!application) throw new ApplicationNotFoundError(applicationId);
    return application;
  }

  private async appraisalOf(manager: EntityManager, applicationId: string): Promise<Appraisal> {
    const appraisal = await manager.findOne(Appraisal, { where: { applicationId } });
    if (!appraisal) throw new AppraisalNotFoundError(applicationId);
    return appraisal;
  }

  /** The caller's assignment to an application whose appraisal still takes declarations and scores. */
  private async ownAssignment(manager: EntityManager, caller: Caller, applicationId: string) {
    const application = await this.lockApplication(manager, applicationId);
    const appraisal = await this.appraisalOf(manager, application.id);
    const assignment = await manager.findOne(AppraisalAssignment, {
      where: { applicationId: application.id, appraiserId: caller.userId },
    });
    if (!assignment) throw new NotAssignedError(application.id);
    if (appraisal.status === 'closed') throw new AppraisalClosedError(application.id);
    if (!isUndecided(application.status)) throw new ApplicationDecidedError(application.status);
    return { application, appraisal, assignment };
  }

  private async bumpVersion(manager: EntityManager, appraisal: Appraisal): Promise<void> {
    appraisal.version += 1;
    await manager.update(
      Appraisal,
      { applicationId: appraisal.applicationId },
      { version: appraisal.version },
    );
  }

  private async aggregateOf(manager: EntityManager, appraisal: Appraisal): Promise<AppraisalAggregate> {
    const assignments = await manager.find(AppraisalAssignment, {
      where: { applicationId: appraisal.applicationId },
      order: { assignedAt: 'ASC', id: 'ASC' },
    });
    const scores =
      assignments.length === 0
        ? []
        : await manager.find(AppraisalScore, {
            where: { assignmentId: In(assignments.map((assignment) => assignment.id)) },
          });
    const scoresByAssignment = new Map<string, AppraisalScore[]>();
    for (const score of scores) {
      scoresByAssignment.set(score.assignmentId, [
        ...(scoresByAssignment.get(score.assignmentId) ?? []),
        score,
      ]);
    }
    return { appraisal, assignments, scoresByAssignment };
  }

  private async recordHistory(
    tx: Transaction,
    caller: Caller,
    applicationId: string,
    action: AppraisalHistoryEntry['action'],
    appraiserId: string | null,
    reason: string | null,
    details: object | null,
    occurredAt: Date,
  ): Promise<void> {
    await tx.manager.insert(AppraisalHistoryEntry, {
      id: this.ids.next(),
      applicationId,
      action,
      appraiserId,
      actorId: caller.userId,
      actorRoles: [...caller.roles],
      reason,
      details,
      occurredAt,
    } satisfies AppraisalHistoryEntry);
  }
}

/**
 * Why funding does not take an account as a fund officer who may appraise, or `null` if it does: it must be on the
 * roster as a fund officer, not deactivated since, and its standing unchanged since it joined (a role change
 * raises the security version; the roster keeps the version of the token it joined with).
 */
export function notOfficerReason(
  entry: AppraiserRosterEntry | undefined,
  standing: Pick<AccountStandingRecord, 'status' | 'securityVersion'> | undefined,
): NotOfficerReason | null {
  if (!entry) return 'not_on_roster';
  if (!entry.roles.includes(Role.FundOfficer)) return 'not_fund_officer';
  if (standing?.status === 'deactivated') return 'deactivated';
  if (standing && standing.securityVersion > entry.securityVersion) return 'standing_changed';
  return null;
}
