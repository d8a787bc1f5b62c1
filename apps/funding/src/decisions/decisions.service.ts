import { Clock, IdGenerator } from '@khoinghiep/clock';
import {
  ApplicationApproved,
  ApplicationRejected,
  type BulkApprovalDto,
  CallBudgetExhausted,
  type DecideApplicationDto,
  type PriorityGroup,
  programmeOfCategory,
} from '@khoinghiep/contracts';
import { DomainError, InvalidFieldsError } from '@khoinghiep/http';
import { type Transaction, UnitOfWork } from '@khoinghiep/messaging';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, QueryFailedError } from 'typeorm';
import { validate as isUuid } from 'uuid';
import { Application } from '../applications/application.entity.js';
import { ApplicationNotFoundError } from '../applications/application.errors.js';
import { effectivePriorityGroups } from '../applications/application-aggregate.js';
import { BudgetLine } from '../applications/budget-line.entity.js';
import { ApprovalLimitsService } from '../approval-limits/approval-limits.service.js';
import { CallNotFoundError } from '../calls/call.errors.js';
import { FundingCall } from '../calls/funding-call.entity.js';
import { checkCoinvestmentCap } from '../coinvestment/coinvestment-cap.js';
import { PrivateInvestor } from '../coinvestment/private-investor.entity.js';
import { Grant } from '../grants/grant.entity.js';
import { Ledger } from '../ledger/ledger.service.js';
import { Journal } from '../ledger/ledger-journal.js';
import { KnownProject } from '../project-directory/known-project.entity.js';
import { RuleBook, requireRule } from '../rules/rule-book.js';
import { dayOf } from '../rules/rule-resolution.js';
import { ApplicationScores } from './application-scores.js';
import { Decision } from './decision.entity.js';
import {
  AlreadyDecidedError,
  AmountOverCeilingError,
  AmountOverRequestedError,
  CallBudgetExceededError,
  CallNotDecidingError,
  CoinvestmentOverCapError,
  NotDecidableError,
  OverApprovalLimitError,
  OwnApplicationError,
} from './decision.errors.js';
import { allowedByCeilings, type CategoryCeiling, checkApproval } from './decision-rules.js';
import { type Ranking, rank } from './ranking.js';

/** Call statuses in which decisions are made. */
const DECIDING_STATUSES: readonly string[] = ['open', 'closed'];

export interface DecisionCommand {
  approverId: string;
  idempotencyKey: string | null;
}

export interface DecisionOutcome {
  decision: Decision;
  grant: Grant | null;
}

export interface BulkOutcome {
  approved: DecisionOutcome[];
  stoppedAt: { index: number; applicationId: string; error: DomainError } | null;
  remaining: bigint;
}

export interface CallRanking {
  call: FundingCall;
  ranking: Ranking;
  priorityRuleVersionId: string | null;
  byId: Map<string, { projectId: string; applicantId: string }>;
}

/** An approval checked under the locks, ready to be written. */
interface PreparedApproval {
  application: Application;
  requested: bigint;
  amount: bigint;
  ruleVersionIds: string[];
  approvalLimitId: string;
  decidedOn: string;
}

/**
 * Decisions of fund approvers (ADR 0018). Every decision locks the call row first (`SELECT … FOR UPDATE`), then the
 * application, so concurrent approvals against one call queue on it and each reads the committed sum the previous
 * one left; the database's `committed ≤ budget` CHECK and the ledger's non-negative `call_available` hold even if
 * the code were wrong. The decision row (append-only) is the audit record; the grant, the ledger posting, the
 * application's and call's new state and the events commit together in the command's unit of work (joined by the
 * Idempotency-Key's transaction).
 */
@Injectable()
export class DecisionsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    private readonly rules: RuleBook,
    private readonly ledger: Ledger,
    private readonly scores: ApplicationScores,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  decide(
    command: DecisionCommand,
    applicationId: string,
    dto: DecideApplicationDto,
  ): Promise<DecisionOutcome> {
    if (dto.outcome === 'rejected' && dto.amount !== undefined)
      throw new InvalidFieldsError([
        {
          field: 'amount',
          message: { vi: 'Từ chối thì không có số tiền.', en: 'A rejection has no amount.' },
        },
      ]);
    return this.unitOfWork.run(async (tx) => {
      const found = isUuid(applicationId)
        ? await tx.manager.findOne(Application, {
            where: { id: applicationId },
            select: { id: true, callId: true },
          })
        : null;
      if (!found) throw new ApplicationNotFoundError(applicationId);
      const call = await this.lockCall(tx.manager, found.callId);
      if (dto.outcome === 'rejected') {
        const application = await this.lockDecidable(tx.manager, command, applicationId, call);
        return this.reject(tx, command, call, application, dto.reason as string);
      }
      const prepared = await this.prepareApproval(
        tx.manager,
        command,
        call,
        applicationId,
        dto.amount === undefined ? null : BigInt(dto.amount),
      );
      return this.approve(tx, command, call, prepared);
    });
  }

  /**
   * Approves `items` in order in one transaction, under the call's lock: stops at the first one that cannot be
   * approved (budget or limit run out, or any other refusal) and says where and why; what came before stays approved.
   */
  bulkApprove(command: DecisionCommand, callId: string, dto: BulkApprovalDto): Promise<BulkOutcome> {
    return this.unitOfWork.run(async (tx) => {
      const call = await this.lockCall(tx.manager, callId);
      if (!DECIDING_STATUSES.includes(call.status)) throw new CallNotDecidingError(call.id, call.status);
      const approved: DecisionOutcome[] = [];
      for (const [index, item] of dto.items.entries()) {
        let prepared: PreparedApproval;
        try {
          prepared = await this.prepareApproval(
            tx.manager,
            command,
            call,
            item.applicationId,
            item.amount === undefined ? null : BigInt(item.amount),
          );
        } catch (error) {
          // Refusals are found before anything of this item is written, so the transaction is still clean.
          if (!(error instanceof DomainError)) throw error;
          return {
            approved,
            stoppedAt: { index, applicationId: item.applicationId, error },
            remaining: BigInt(call.budget) - BigInt(call.committed),
          };
        }
        approved.push(await this.approve(tx, command, call, prepared));
      }
      return { approved, stoppedAt: null, remaining: BigInt(call.budget) - BigInt(call.committed) };
    });
  }

  /** The call's eligible submitted applications, ranked by its allocation rule (see `rank`). */
  async ranking(callId: string): Promise<CallRanking> {
    const manager = this.dataSource.manager;
    const call = isUuid(callId) ? await manager.findOneBy(FundingCall, { id: callId }) : null;
    if (!call) throw new CallNotFoundError(callId);
    const applications = await manager.find(Application, {
      where: { callId, status: 'submitted', eligible: true },
    });
    const ids = applications.map((application) => application.id);
    const lines = ids.length ? await manager.find(BudgetLine, { where: { applicationId: In(ids) } }) : [];
    const projects = applications.length
      ? await manager.find(KnownProject, {
          where: { projectId: In([...new Set(applications.map((a) => a.projectId))]) },
        })
      : [];
    const projectOf = new Map(projects.map((project) => [project.projectId, project]));
    const requested = new Map<string, bigint>();
    for (const line of lines)
      requested.set(line.applicationId, (requested.get(line.applicationId) ?? 0n) + BigInt(line.requested));
    const scores = call.allocationRule === 'score' ? await this.scores.weightedMeans(ids) : new Map();
    const programme = programmeOfCategory(
      call.supportCategories[0] as (typeof call.supportCategories)[number],
    );
    const priority = await this.rules.priorityGroups(programme, this.clock.now());
    const priorityGroups: PriorityGroup[] = priority?.value ?? [];
    const ranking = rank(
      applications.map((application) => ({
        applicationId: application.id,
        submittedAt: application.submittedAt as Date,
        requested: requested.get(application.id) ?? 0n,
        score: scores.get(application.id) ?? null,
        priorityGroups: effectivePriorityGroups(
          application.declaredPriorityGroups,
          projectOf.get(application.projectId)?.targetGroups ?? [],
        ),
      })),
      call.allocationRule,
      priorityGroups,
      BigInt(call.budget) - BigInt(call.committed),
    );
    return {
      call,
      ranking,
      priorityRuleVersionId: priority?.versionId ?? null,
      byId: new Map(applications.map((a) => [a.id, { projectId: a.projectId, applicantId: a.applicantId }])),
    };
  }

  private async lockCall(manager: EntityManager, callId: string): Promise<FundingCall> {
    const call = isUuid(callId)
      ? await manager.findOne(FundingCall, { where: { id: callId }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!call) throw new CallNotFoundError(callId);
    return call;
  }

  /** The application locked, if it is a submitted, eligible application of `call` the approver may decide. */
  private async lockDecidable(
    manager: EntityManager,
    command: DecisionCommand,
    applicationId: string,
    call: FundingCall,
  ): Promise<Application> {
    // Read first without a lock: only an application already submitted (committed) is then locked. A submission in
    // progress holds the application's lock and waits for a share lock on the call, which this decision holds:
    // locking a draft here would deadlock with it, so a draft is refused from what is committed.
    const seen = isUuid(applicationId) ? await manager.findOneBy(Application, { id: applicationId }) : null;
    const application =
      seen?.status === 'submitted'
        ? await manager.findOne(Application, {
            where: { id: applicationId },
            lock: { mode: 'pessimistic_write' },
          })
        : seen;
    if (!application || application.callId !== call.id) throw new ApplicationNotFoundError(applicationId);
    if (application.applicantId === command.approverId) throw new OwnApplicationError();
    if (application.status === 'approved' || application.status === 'rejected')
      throw new AlreadyDecidedError(application.id, application.status);
    if (application.status !== 'submitted' || application.eligible !== true)
      throw new NotDecidableError(application.id, application.status, application.eligible);
    if (!DECIDING_STATUSES.includes(call.status)) throw new CallNotDecidingError(call.id, call.status);
    return application;
  }

  /** Every check of an approval, under the call's and the application's locks; writes nothing. */
  private async prepareApproval(
    manager: EntityManager,
    command: DecisionCommand,
    call: FundingCall,
    applicationId: string,
    asked: bigint | null,
  ): Promise<PreparedApproval> {
    const application = await this.lockDecidable(manager, command, applicationId, call);
    const lines = await manager.find(BudgetLine, {
      where: { applicationId: application.id },
      order: { position: 'ASC' },
    });
    const project = await manager.findOneBy(KnownProject, { projectId: application.projectId });
    const now = this.clock.now();
    const decidedOn = dayOf(now);
    const byCategory = new Map<string, CategoryCeiling>();
    for (const line of lines) {
      const sum = byCategory.get(line.category) ?? {
        category: line.category,
        cost: 0n,
        requested: 0n,
        ceiling: null,
      };
      sum.cost += BigInt(line.cost);
      sum.requested += BigInt(line.requested);
      byCategory.set(line.category, sum);
    }
    for (const category of byCategory.values()) {
      const found = await this.rules.supportCeiling(
        category.category,
        project?.provinceCode ?? null,
        decidedOn,
      );
      category.ceiling = found && { ...found.value, versionId: found.versionId };
    }
    const ceilings = allowedByCeilings([...byCategory.values()]);
    const requested = [...byCategory.values()].reduce((sum, category) => sum + category.requested, 0n);
    const limit = await ApprovalLimitsService.inForce(manager, command.approverId);
    const approverLimit = limit ? BigInt(limit.limitAmount) : null;
    const remaining = BigInt(call.budget) - BigInt(call.committed);
    const check = checkApproval({
      requested,
      asked,
      allowedByCeilings: ceilings.allowed,
      approverLimit,
      remaining,
    });
    if (!check.ok) {
      switch (check.kind) {
        case 'over_requested':
          throw new AmountOverRequestedError(check.amount, requested);
        case 'over_ceiling':
          throw new AmountOverCeilingError(
            check.amount,
            ceilings.allowed,
            decidedOn,
            ceilings.ruleVersionIds,
          );
        case 'over_limit':
          throw new OverApprovalLimitError(check.amount, approverLimit);
        case 'over_budget':
          throw new CallBudgetExceededError(check.amount, remaining);
      }
    }
    if (check.amount <= 0n) throw new NotDecidableError(application.id, 'nothing requested', true);
    const ruleVersionIds = [...ceilings.ruleVersionIds];
    if (application.kind === 'coinvestment') {
      ruleVersionIds.push(
        await this.coinvestmentCapVersion(manager, application.id, check.amount, project, decidedOn),
      );
    }
    return {
      application,
      requested,
      amount: check.amount,
      ruleVersionIds,
      approvalLimitId: (limit as NonNullable<typeof limit>).id,
      decidedOn,
    };
  }

  /**
   * A co-investment (Decree 38/2018) is approved only within the cap in force on the decision day: `coinvestmentCap`
   * basis points of the private funds beside it. Answers the rule version applied, to record with the decision.
   */
  private async coinvestmentCapVersion(
    manager: EntityManager,
    applicationId: string,
    amount: bigint,
    project: KnownProject | null,
    decidedOn: string,
  ): Promise<string> {
    const provinceCode = project?.provinceCode ?? null;
    const rule = requireRule(
      await this.rules.coinvestmentCap(provinceCode, decidedOn),
      'coinvestment_cap',
      provinceCode,
      decidedOn,
    );
    const investors = await manager.find(PrivateInvestor, { where: { applicationId } });
    const check = checkCoinvestmentCap({
      privateAmounts: investors.map((investor) => BigInt(investor.amount)),
      capBp: rule.value,
      amount,
    });
    if (!check.ok) {
      const privateTotal = check.kind === 'over_cap' ? check.privateTotal : 0n;
      const cap = check.kind === 'over_cap' ? check.cap : 0n;
      throw new CoinvestmentOverCapError(amount, cap, privateTotal, rule.value, rule.versionId);
    }
    return rule.versionId;
  }

  private async approve(
    tx: Transaction,
    command: DecisionCommand,
    call: FundingCall,
    prepared: PreparedApproval,
  ): Promise<DecisionOutcome> {
    const { application, amount } = prepared;
    const now = this.clock.now();
    const decision = Object.assign(new Decision(), {
      id: this.ids.next(),
      applicationId: application.id,
      callId: call.id,
      outcome: 'approved',
      requestedAmount: prepared.requested.toString(),
      approvedAmount: amount.toString(),
      reason: null,
      ruleVersionIds: prepared.ruleVersionIds,
      approvalLimitId: prepared.approvalLimitId,
      applicantId: application.applicantId,
      decidedBy: command.approverId,
      decidedOn: prepared.decidedOn,
      decidedAt: now,
    } satisfies Omit<Decision, 'application' | 'call' | 'approvalLimit'>);
    const grant = Object.assign(new Grant(), {
      id: this.ids.next(),
      applicationId: application.id,
      decisionId: decision.id,
      callId: call.id,
      projectId: application.projectId,
      beneficiaryId: application.applicantId,
      amount: amount.toString(),
      ruleVersionIds: prepared.ruleVersionIds,
      approvedBy: command.approverId,
      approvedAt: now,
    } satisfies Omit<Grant, 'application' | 'decision' | 'call'>);
    await tx.manager.insert(Decision, decision);
    await tx.manager.insert(Grant, grant);
    await tx.manager.update(
      Application,
      { id: application.id },
      { status: 'approved', version: application.version + 1, updatedAt: now },
    );
    const committed = BigInt(call.committed) + amount;
    try {
      await tx.manager.update(FundingCall, { id: call.id }, { committed: committed.toString() });
    } catch (error) {
      if (isCommittedCheck(error))
        throw new CallBudgetExceededError(amount, BigInt(call.budget) - BigInt(call.committed), error);
      throw error;
    }
    // Ledger: the approval moves the amount from the call's available budget to the grant.
    await this.ledger.post(Journal.grantApproved(call.id, grant.id, amount), {
      actorId: command.approverId,
      idempotencyKey: command.idempotencyKey,
      memo: `decision ${decision.id}`,
    });
    call.committed = committed.toString();
    const remaining = BigInt(call.budget) - committed;
    tx.record(ApplicationApproved, application.id, {
      applicationId: application.id,
      callId: call.id,
      projectId: application.projectId,
      applicantId: application.applicantId,
      decisionId: decision.id,
      requestedAmount: decision.requestedAmount,
      decidedBy: command.approverId,
      decidedAt: now.toISOString(),
      grantId: grant.id,
      approvedAmount: grant.amount,
      ruleVersionIds: prepared.ruleVersionIds,
      callCommitted: call.committed,
      callRemaining: remaining.toString(),
    });
    if (remaining === 0n)
      tx.record(CallBudgetExhausted, call.id, {
        callId: call.id,
        fundId: call.fundId,
        budget: call.budget,
        committed: call.committed,
        applicationId: application.id,
        exhaustedAt: now.toISOString(),
      });
    return { decision, grant };
  }

  private async reject(
    tx: Transaction,
    command: DecisionCommand,
    call: FundingCall,
    application: Application,
    reason: string,
  ): Promise<DecisionOutcome> {
    const now = this.clock.now();
    const lines = await tx.manager.find(BudgetLine, { where: { applicationId: application.id } });
    const requested = lines.reduce((sum, line) => sum + BigInt(line.requested), 0n);
    const decision = Object.assign(new Decision(), {
      id: this.ids.next(),
      applicationId: application.id,
      callId: call.id,
      outcome: 'rejected',
      requestedAmount: requested.toString(),
      approvedAmount: null,
      reason,
      ruleVersionIds: [],
      approvalLimitId: null,
      applicantId: application.applicantId,
      decidedBy: command.approverId,
      decidedOn: dayOf(now),
      decidedAt: now,
    } satisfies Omit<Decision, 'application' | 'call' | 'approvalLimit'>);
    await tx.manager.insert(Decision, decision);
    await tx.manager.update(
      Application,
      { id: application.id },
      { status: 'rejected', version: application.version + 1, updatedAt: now },
    );
    tx.record(ApplicationRejected, application.id, {
      applicationId: application.id,
      callId: call.id,
      projectId: application.projectId,
      applicantId: application.applicantId,
      decisionId: decision.id,
      requestedAmount: decision.requestedAmount,
      decidedBy: command.approverId,
      decidedAt: now.toISOString(),
      reason,
    });
    return { decision, grant: null };
  }
}

function isCommittedCheck(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23514' && driverError.constraint === 'CHK_funding_calls_committed';
}
