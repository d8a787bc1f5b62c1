import { Clock, IdGenerator } from '@khoinghiep/clock';
import {
  type CallAction,
  CallBudgetChanged,
  CallClosed,
  type CallEligibilityDto,
  CallOpened,
  type CallStatus,
  type CallTransitionDto,
  type ChangeCallBudgetDto,
  type CreateCallDto,
  type EventContract,
  type ListOpenCallsQueryDto,
  PAGE_SIZE,
  type Page,
  type PageQueryDto,
  type UpdateCallDto,
} from '@khoinghiep/contracts';
import {
  AccessDeniedError,
  CursorField,
  decodeCursor,
  encodeCursor,
  InvalidFieldsError,
  pageOf,
  type VersionPrecondition,
} from '@khoinghiep/http';
import { type Transaction, UnitOfWork } from '@khoinghiep/messaging';
import { currentCorrelationId } from '@khoinghiep/observability';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { DataSource } from 'typeorm';
import { validate as isUuid } from 'uuid';
import { Fund } from '../funds/fund.entity.js';
import { FundNotFoundError } from '../funds/fund.errors.js';
import { Ledger } from '../ledger/ledger.service.js';
import { Journal, type JournalEntry } from '../ledger/ledger-journal.js';
import {
  BudgetBelowCommittedError,
  CallAlreadyClosedError,
  CallNotFoundError,
  IllegalCallTransitionError,
} from './call.errors.js';
import {
  BUDGET_CHANGEABLE_STATUSES,
  type CallTransition,
  EDITABLE_CALL_STATUSES,
  PUBLIC_CALL_STATUSES,
  transition,
} from './call-state-machine.js';
import { callTermsProblems } from './call-terms.js';
import { callVersions } from './call-versions.js';
import { type Caller, mayReadCallDrafts, mayRunCalls } from './caller.js';
import { FundingCall } from './funding-call.entity.js';
import { FundingCallHistoryEntry } from './funding-call-history-entry.entity.js';

const OPEN_CURSOR = 'open-calls';
const FUND_CURSOR = 'fund-calls';
const HISTORY_CURSOR = 'call-history';

/** An event to record with a change, its payload checked against its contract by the compiler. */
interface PendingEvent<P extends object = object> {
  contract: EventContract<P>;
  payload: P;
}
const eventOf = <P extends object>(contract: EventContract<P>, payload: P): PendingEvent =>
  ({ contract, payload }) as PendingEvent;

interface HistoryRecord {
  action: CallAction;
  fromStatus: CallStatus | null;
  changedFields?: string[];
  budget?: { old: string; new: string; committed: string };
  reason?: string | null;
}

/** Fields of a draft an edit may change (the budget has its own command). */
const EDITABLE_FIELDS = [
  'fiscalYear',
  'title',
  'description',
  'supportCategories',
  'eligibleApplicantKinds',
  'eligibleProvinceCodes',
  'eligibleTargetGroups',
  'publishedProjectRequired',
  'requiredTrainingTopic',
  'maxBusinessAgeYears',
  'allocationRule',
  'appraisalRubric',
  'opensAt',
  'closesAt',
] as const satisfies readonly (keyof FundingCall)[];

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function runnersOnly(caller: Caller): void {
  // The route's roles are checked by the guard as well; the service does not rely on it alone.
  if (!mayRunCalls(caller)) throw new AccessDeniedError();
}

/** The eligibility columns from the body, each absent rule keeping `base` (a new call's defaults, or the draft's). */
function eligibilityColumns(
  given: CallEligibilityDto | undefined,
  base: Pick<FundingCall, (typeof EDITABLE_FIELDS)[number]> | null,
): Partial<FundingCall> {
  return {
    eligibleApplicantKinds: given?.applicantKinds ?? base?.eligibleApplicantKinds ?? [],
    eligibleProvinceCodes: given?.provinceCodes ?? base?.eligibleProvinceCodes ?? [],
    eligibleTargetGroups: given?.targetGroups ?? base?.eligibleTargetGroups ?? [],
    publishedProjectRequired: given?.publishedProjectRequired ?? base?.publishedProjectRequired ?? true,
    requiredTrainingTopic:
      given?.requiredTrainingTopic === undefined
        ? (base?.requiredTrainingTopic ?? null)
        : given.requiredTrainingTopic,
    maxBusinessAgeYears:
      given?.maxBusinessAgeYears === undefined
        ? (base?.maxBusinessAgeYears ?? null)
        : given.maxBusinessAgeYears,
  };
}

/**
 * Funding calls (đợt): fund officers create and edit drafts, open, close and finalise them and change their budget;
 * anyone reads the calls that have been opened. Each change commits with its audit entry and, where other services
 * care, its event on `funding.events` (through the outbox), in one transaction.
 */
@Injectable()
export class CallsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly ledger: Ledger,
  ) {}

  async create(caller: Caller, dto: CreateCallDto): Promise<FundingCall> {
    runnersOnly(caller);
    const terms = {
      opensAt: new Date(dto.opensAt),
      closesAt: new Date(dto.closesAt),
      appraisalRubric: dto.appraisalRubric,
    };
    const problems = callTermsProblems(terms);
    if (problems.length > 0) throw new InvalidFieldsError(problems);
    const fund = await this.dataSource.getRepository(Fund).findOneBy({ id: dto.fundId });
    if (!fund) throw new FundNotFoundError(dto.fundId);

    const now = this.clock.now();
    const call = Object.assign(new FundingCall(), {
      id: this.ids.next(),
      fundId: fund.id,
      fiscalYear: dto.fiscalYear,
      title: dto.title,
      description: dto.description ?? '',
      status: 'draft' as const,
      version: 1,
      budget: dto.budget,
      committed: '0',
      supportCategories: dto.supportCategories,
      ...eligibilityColumns(dto.eligibility, null),
      allocationRule: dto.allocationRule,
      appraisalRubric: { criteria: dto.appraisalRubric.criteria, scale: dto.appraisalRubric.scale },
      opensAt: terms.opensAt,
      closesAt: terms.closesAt,
      openedAt: null,
      closedAt: null,
      finalisedAt: null,
      createdBy: caller.userId,
      createdAt: now,
      updatedAt: now,
    }) as FundingCall;
    // A draft is the fund's own business: no event yet, but the audit trail starts here.
    await this.unitOfWork.run(async (tx) => {
      await tx.manager.insert(FundingCall, call);
      await this.record(caller, call, { action: 'create', fromStatus: null }, now);
    });
    return call;
  }

  /** A call anyone may read: every state but draft (a draft is `404` here, so it does not leak). */
  async getPublic(callId: string): Promise<FundingCall> {
    const call = isUuid(callId)
      ? await this.dataSource.getRepository(FundingCall).findOneBy({ id: callId })
      : null;
    if (!call || !PUBLIC_CALL_STATUSES.includes(call.status)) throw new CallNotFoundError(callId);
    return call;
  }

  /** Merge-patches a draft; a patch that changes nothing changes nothing. */
  update(
    caller: Caller,
    callId: string,
    dto: UpdateCallDto,
    precondition: VersionPrecondition,
  ): Promise<FundingCall> {
    runnersOnly(caller);
    return this.unitOfWork.run(async (tx) => {
      const before = await this.lock(tx, callId);
      callVersions.assertCurrent(precondition, before.version);
      if (!EDITABLE_CALL_STATUSES.includes(before.status)) {
        throw new IllegalCallTransitionError('update', before.status, EDITABLE_CALL_STATUSES);
      }
      const candidate: Partial<FundingCall> = {
        fiscalYear: dto.fiscalYear ?? before.fiscalYear,
        title: dto.title ?? before.title,
        description: dto.description ?? before.description,
        supportCategories: dto.supportCategories ?? before.supportCategories,
        ...eligibilityColumns(dto.eligibility, before),
        allocationRule: dto.allocationRule ?? before.allocationRule,
        appraisalRubric: dto.appraisalRubric
          ? { criteria: dto.appraisalRubric.criteria, scale: dto.appraisalRubric.scale }
          : before.appraisalRubric,
        opensAt: dto.opensAt ? new Date(dto.opensAt) : before.opensAt,
        closesAt: dto.closesAt ? new Date(dto.closesAt) : before.closesAt,
      };
      const problems = callTermsProblems({
        opensAt: candidate.opensAt as Date,
        closesAt: candidate.closesAt as Date,
        appraisalRubric: candidate.appraisalRubric as FundingCall['appraisalRubric'],
      });
      if (problems.length > 0) throw new InvalidFieldsError(problems);
      const changedFields = EDITABLE_FIELDS.filter((field) => !sameValue(candidate[field], before[field]));
      if (changedFields.length === 0) return before;

      const now = this.clock.now();
      const changes: Partial<FundingCall> = Object.fromEntries(
        changedFields.map((field) => [field, candidate[field]]),
      );
      Object.assign(changes, { version: before.version + 1, updatedAt: now });
      await tx.manager.update(FundingCall, { id: before.id }, changes);
      const after = Object.assign(new FundingCall(), before, changes);
      await this.record(caller, after, { action: 'update', fromStatus: before.status, changedFields }, now);
      return after;
    });
  }

  open(caller: Caller, callId: string, dto: CallTransitionDto, precondition: VersionPrecondition | null) {
    return this.transition(caller, callId, 'open', dto, precondition, {
      check: (call, now) => {
        if (call.closesAt.getTime() <= now.getTime()) throw new CallAlreadyClosedError(call.closesAt);
      },
      changes: (now) => ({ openedAt: now }),
      // The ledger learns the budget when the call opens; a draft's budget is only a plan.
      posting: (call) =>
        BigInt(call.budget) > 0n ? Journal.callBudgetSet(call.fundId, call.id, BigInt(call.budget)) : null,
      event: (call) =>
        eventOf(CallOpened, {
          callId: call.id,
          fundId: call.fundId,
          version: call.version,
          fiscalYear: call.fiscalYear,
          title: call.title,
          budget: call.budget,
          committed: call.committed,
          supportCategories: call.supportCategories,
          eligibleProvinceCodes: call.eligibleProvinceCodes,
          allocationRule: call.allocationRule,
          opensAt: call.opensAt.toISOString(),
          closesAt: call.closesAt.toISOString(),
          openedAt: (call.openedAt as Date).toISOString(),
        }),
    });
  }

  close(caller: Caller, callId: string, dto: CallTransitionDto, precondition: VersionPrecondition | null) {
    return this.transition(caller, callId, 'close', dto, precondition, {
      changes: (now) => ({ closedAt: now }),
      event: (call) =>
        eventOf(CallClosed, {
          callId: call.id,
          fundId: call.fundId,
          version: call.version,
          budget: call.budget,
          committed: call.committed,
          closedAt: (call.closedAt as Date).toISOString(),
        }),
    });
  }

  finalise(caller: Caller, callId: string, dto: CallTransitionDto, precondition: VersionPrecondition | null) {
    return this.transition(caller, callId, 'finalise', dto, precondition, {
      changes: (now) => ({ finalisedAt: now }),
      event: null,
    });
  }

  /**
   * Raises or lowers the budget, never below what is committed (the row is locked, so a decision committing at the
   * same moment waits; the database's `committed ≤ budget` check holds either way). Audited with old, new, reason.
   */
  changeBudget(
    caller: Caller,
    callId: string,
    dto: ChangeCallBudgetDto,
    precondition: VersionPrecondition | null,
  ): Promise<FundingCall> {
    runnersOnly(caller);
    return this.unitOfWork.run(async (tx) => {
      const before = await this.lock(tx, callId);
      callVersions.assertCurrent(precondition, before.version);
      if (!BUDGET_CHANGEABLE_STATUSES.includes(before.status)) {
        throw new IllegalCallTransitionError('change_budget', before.status, BUDGET_CHANGEABLE_STATUSES);
      }
      if (BigInt(dto.budget) < BigInt(before.committed)) {
        throw new BudgetBelowCommittedError(dto.budget, before.committed);
      }
      if (BigInt(dto.budget) === BigInt(before.budget)) return before;

      const now = this.clock.now();
      const changes: Partial<FundingCall> = {
        budget: dto.budget,
        version: before.version + 1,
        updatedAt: now,
      };
      await tx.manager.update(FundingCall, { id: before.id }, changes);
      const after = Object.assign(new FundingCall(), before, changes);
      if (before.status !== 'draft')
        await this.ledger.post(budgetChangeEntry(before, after), {
          actorId: caller.userId,
          memo: dto.reason,
        });
      await this.record(
        caller,
        after,
        {
          action: 'change_budget',
          fromStatus: before.status,
          changedFields: ['budget'],
          budget: { old: before.budget, new: after.budget, committed: after.committed },
          reason: dto.reason,
        },
        now,
      );
      tx.record(CallBudgetChanged, after.id, {
        callId: after.id,
        fundId: after.fundId,
        version: after.version,
        status: after.status,
        oldBudget: before.budget,
        newBudget: after.budget,
        committed: after.committed,
        reason: dto.reason,
      });
      return after;
    });
  }

  /** Open calls, closing soonest first; anyone may list them. */
  async listOpen(query: ListOpenCallsQueryDto): Promise<Page<FundingCall>> {
    const limit = query.limit ?? PAGE_SIZE.default;
    const rows = this.dataSource
      .getRepository(FundingCall)
      .createQueryBuilder('c')
      .where('c.status = :status', { status: 'open' satisfies CallStatus })
      .orderBy('c.closesAt', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .limit(limit + 1);
    if (query.fundId) rows.andWhere('c.fundId = :fundId', { fundId: query.fundId });
    if (query.fiscalYear) rows.andWhere('c.fiscalYear = :fiscalYear', { fiscalYear: query.fiscalYear });
    if (query.cursor) {
      const [closesAt, id] = decodeCursor<[string, string]>(query.cursor, OPEN_CURSOR, [
        CursorField.timestamp,
        CursorField.uuid,
      ]);
      rows.andWhere('(c.closesAt, c.id) > (:closesAt, :id)', { closesAt, id });
    }
    return pageOf(
      await rows.getMany(),
      limit,
      (row) => row,
      (row) => encodeCursor(OPEN_CURSOR, [row.closesAt.toISOString(), row.id]),
    );
  }

  /** Every call of a fund, drafts included, newest first: for fund staff. */
  async listOfFund(caller: Caller, fundId: string, page: PageQueryDto): Promise<Page<FundingCall>> {
    if (!mayReadCallDrafts(caller)) throw new AccessDeniedError();
    const fund = isUuid(fundId) ? await this.dataSource.getRepository(Fund).findOneBy({ id: fundId }) : null;
    if (!fund) throw new FundNotFoundError(fundId);
    const limit = page.limit ?? PAGE_SIZE.default;
    const rows = this.dataSource
      .getRepository(FundingCall)
      .createQueryBuilder('c')
      .where('c.fundId = :fundId', { fundId })
      .orderBy('c.createdAt', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(limit + 1);
    if (page.cursor) {
      const [createdAt, id] = decodeCursor<[string, string]>(page.cursor, FUND_CURSOR, [
        CursorField.timestamp,
        CursorField.uuid,
      ]);
      rows.andWhere('(c.createdAt, c.id) < (:createdAt, :id)', { createdAt, id });
    }
    return pageOf(
      await rows.getMany(),
      limit,
      (row) => row,
      (row) => encodeCursor(FUND_CURSOR, [row.createdAt.toISOString(), row.id]),
    );
  }

  /** The audit trail of a call, oldest first: for fund staff. */
  async history(caller: Caller, callId: string, page: PageQueryDto): Promise<Page<FundingCallHistoryEntry>> {
    if (!mayReadCallDrafts(caller)) throw new AccessDeniedError();
    const call = isUuid(callId)
      ? await this.dataSource.getRepository(FundingCall).findOneBy({ id: callId })
      : null;
    if (!call) throw new CallNotFoundError(callId);
    const limit = page.limit ?? PAGE_SIZE.default;
    const rows = this.dataSource
      .getRepository(FundingCallHistoryEntry)
      .createQueryBuilder('h')
      .where('h.callId = :callId', { callId })
      .orderBy('h.occurredAt', 'ASC')
      .addOrderBy('h.id', 'ASC')
      .limit(limit + 1);
    if (page.cursor) {
      const [occurredAt, id] = decodeCursor<[string, string]>(page.cursor, HISTORY_CURSOR, [
        CursorField.timestamp,
        CursorField.uuid,
      ]);
      rows.andWhere('(h.occurredAt, h.id) > (:occurredAt, :id)', { occurredAt, id });
    }
    return pageOf(
      await rows.getMany(),
      limit,
      (row) => row,
      (row) => encodeCursor(HISTORY_CURSOR, [row.occurredAt.toISOString(), row.id]),
    );
  }

  /**
   * The one way a call changes state: lock the row, check the version it is based on (`412`/`409`), the state
   * machine (`409`) and the action's own rule; then write the call, its audit entry and its event together.
   */
  private transition(
    caller: Caller,
    callId: string,
    action: CallTransition,
    dto: CallTransitionDto,
    precondition: VersionPrecondition | null,
    command: {
      check?: (call: FundingCall, now: Date) => void;
      changes: (now: Date) => Partial<FundingCall>;
      posting?: (after: FundingCall) => JournalEntry | null;
      event: ((after: FundingCall) => PendingEvent) | null;
    },
  ): Promise<FundingCall> {
    runnersOnly(caller);
    return this.unitOfWork.run(async (tx) => {
      const before = await this.lock(tx, callId);
      callVersions.assertCurrent(precondition, before.version);
      const outcome = transition(before.status, action);
      if (!outcome.allowed) throw new IllegalCallTransitionError(action, outcome.from, outcome.allowedFrom);
      const now = this.clock.now();
      command.check?.(before, now);
      const changes: Partial<FundingCall> = {
        ...command.changes(now),
        status: outcome.to,
        version: before.version + 1,
        updatedAt: now,
      };
      await tx.manager.update(FundingCall, { id: before.id }, changes);
      const after = Object.assign(new FundingCall(), before, changes);
      await this.record(
        caller,
        after,
        { action, fromStatus: before.status, reason: dto.reason ?? null },
        now,
      );
      const entry = command.posting?.(after);
      if (entry) await this.ledger.post(entry, { actorId: caller.userId, memo: `call ${action}` });
      if (command.event) {
        const { contract, payload } = command.event(after);
        tx.record(contract, after.id, payload);
      }
      return after;
    });
  }

  private async lock(tx: Transaction, callId: string): Promise<FundingCall> {
    const call = isUuid(callId)
      ? await tx.manager.findOne(FundingCall, { where: { id: callId }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!call) throw new CallNotFoundError(callId);
    return call;
  }

  private async record(
    caller: Caller,
    after: FundingCall,
    entry: HistoryRecord,
    occurredAt: Date,
  ): Promise<void> {
    await this.txHost.tx.insert(FundingCallHistoryEntry, {
      id: this.ids.next(),
      callId: after.id,
      action: entry.action,
      fromStatus: entry.fromStatus,
      toStatus: after.status,
      version: after.version,
      actorId: caller.userId,
      actorRoles: [...caller.roles],
      changedFields: entry.changedFields ?? [],
      oldBudget: entry.budget?.old ?? null,
      newBudget: entry.budget?.new ?? null,
      committed: entry.budget?.committed ?? null,
      reason: entry.reason ?? null,
      correlationId: currentCorrelationId() ?? null,
      occurredAt,
    });
  }
}

/** The ledger entry of an open or closed call's budget change: raised or lowered by the difference. */
function budgetChangeEntry(before: FundingCall, after: FundingCall): JournalEntry {
  const change = BigInt(after.budget) - BigInt(before.budget);
  return change > 0n
    ? Journal.callBudgetRaised(after.fundId, after.id, change)
    : Journal.callBudgetLowered(after.fundId, after.id, -change);
}
