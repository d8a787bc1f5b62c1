import { Clock, IdGenerator } from '@khoinghiep/clock';
import {
  type ApproveTrancheDto,
  GrantAccepted,
  GrantSettled,
  type PayTrancheDto,
  type RejectTrancheDto,
  type RequestTrancheDto,
  TrancheApproved,
  type TrancheEventPayload,
  TranchePaid,
  TrancheRejected,
  TrancheRequested,
} from '@khoinghiep/contracts';
import { type Transaction, UnitOfWork } from '@khoinghiep/messaging';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { validate as isUuid } from 'uuid';
import { BudgetLine } from '../applications/budget-line.entity.js';
import { ApprovalLimitsService } from '../approval-limits/approval-limits.service.js';
import { FUND_STAFF } from '../calls/caller.js';
import { FundingCall } from '../calls/funding-call.entity.js';
import { OverApprovalLimitError } from '../decisions/decision.errors.js';
import { Grant } from '../grants/grant.entity.js';
import { GrantNotFoundError } from '../grants/grant.errors.js';
import { Ledger } from '../ledger/ledger.service.js';
import { Journal } from '../ledger/ledger-journal.js';
import { KnownProject } from '../project-directory/known-project.entity.js';
import { RuleBook } from '../rules/rule-book.js';
import { dayOf } from '../rules/rule-resolution.js';
import { GrantDisbursement } from './grant-disbursement.entity.js';
import { Tranche } from './tranche.entity.js';
import {
  AdvanceRateNotInForceError,
  SameMakerCheckerError,
  TrancheFieldsForKindError,
  TrancheNotFoundError,
  TrancheOverApprovedError,
  TrancheStatusConflictError,
  TrancheStepOutOfOrderError,
} from './tranche.errors.js';
import { type TrancheAction, TrancheHistoryEntry } from './tranche-history-entry.entity.js';
import { advanceAmount, mainCategory, settlementBalance, stepRefusal } from './tranche-rules.js';

/** Who runs a tranche command, and with which Idempotency-Key. */
export interface TrancheActor {
  userId: string;
  roles: readonly string[];
  idempotencyKey: string | null;
}

/** A grant's disbursement as read: its sums and every tranche, oldest first. */
export interface GrantDisbursementRead {
  grant: Grant;
  sums: GrantDisbursement | null;
  tranches: Tranche[];
}

/** Fields each kind does not take. */
const FORBIDDEN_FIELDS: Record<RequestTrancheDto['kind'], (keyof RequestTrancheDto)[]> = {
  advance: ['amount', 'acceptedCost', 'evidence', 'finalAmount'],
  acceptance: ['finalAmount'],
  settlement: ['amount', 'acceptedCost'],
};

/**
 * Disbursement in tranches (ADR 0020). Every command locks the grant row (`SELECT … FOR UPDATE`) before reading its
 * sums, so concurrent commands on one grant queue and each sees what the previous one committed; the settlement
 * payment, which gives back to the call what the grant will not use, locks the call first (the decisions' order).
 * The sums' CHECK (`disbursed ≤ reserved ≤ approved`), the Σ-paid trigger and the ledger's non-negative
 * `grant_undisbursed` hold even if this code were wrong. The history row is the audit record; it, the ledger
 * postings and the events commit with the change, in the Idempotency-Key's transaction.
 */
@Injectable()
export class TranchesService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    private readonly rules: RuleBook,
    private readonly ledger: Ledger,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  request(actor: TrancheActor, grantId: string, dto: RequestTrancheDto): Promise<Tranche> {
    const forbidden = FORBIDDEN_FIELDS[dto.kind].filter((field) => dto[field] !== undefined);
    if (forbidden.length) throw new TrancheFieldsForKindError(dto.kind, forbidden);
    return this.unitOfWork.run(async (tx) => {
      const grant = await this.lockGrant(tx.manager, grantId);
      const sums = await this.sumsOf(tx.manager, grant);
      const existing = await tx.manager.find(Tranche, {
        where: { grantId: grant.id },
        order: { sequence: 'ASC' },
      });
      const refusal = stepRefusal(dto.kind, existing);
      if (refusal) throw new TrancheStepOutOfOrderError(dto.kind, refusal);
      const approved = BigInt(sums.approved);
      const reserved = BigInt(sums.reserved);
      const disbursed = BigInt(sums.disbursed);
      const now = this.clock.now();
      let amount = 0n;
      let returnAmount = 0n;
      let advanceRateBp: number | null = null;
      let ruleVersionId: string | null = null;
      if (dto.kind === 'advance') {
        const applied = await this.advanceRateOf(tx.manager, grant, now);
        amount = advanceAmount(approved, applied.rateBp);
        advanceRateBp = applied.rateBp;
        ruleVersionId = applied.versionId;
      } else if (dto.kind === 'acceptance') {
        amount = BigInt(dto.amount as string);
      } else {
        const finalAmount = BigInt(dto.finalAmount as string);
        if (finalAmount > approved) throw new TrancheOverApprovedError(finalAmount, approved);
        const balance = settlementBalance(finalAmount, disbursed);
        amount = balance.pay;
        returnAmount = balance.returned;
      }
      if (amount > approved - reserved) throw new TrancheOverApprovedError(amount, approved - reserved);
      const tranche = Object.assign(new Tranche(), {
        id: this.ids.next(),
        grantId: grant.id,
        sequence: existing.length + 1,
        kind: dto.kind,
        status: 'requested',
        amount: amount.toString(),
        returnAmount: returnAmount.toString(),
        advanceRateBp,
        ruleVersionId,
        acceptedCost: dto.acceptedCost === undefined ? null : BigInt(dto.acceptedCost).toString(),
        finalAmount: dto.finalAmount === undefined ? null : BigInt(dto.finalAmount).toString(),
        evidence: (dto.evidence ?? []).map(({ name, mediaType, size, sha256 }) => ({
          name,
          mediaType,
          size,
          sha256,
        })),
        note: dto.note ?? null,
        requestedBy: actor.userId,
        requestedAt: now,
        decidedBy: null,
        decidedAt: null,
        approvalLimitId: null,
        rejectionReason: null,
        paymentReference: null,
        paidBy: null,
        paidAt: null,
        version: 1,
      } satisfies Omit<Tranche, 'grant' | 'approvalLimit'>);
      await tx.manager.insert(Tranche, tranche);
      await this.saveSums(tx.manager, sums, { reserved: reserved + amount }, now);
      await this.audit(tx, actor, tranche, 'requested', {
        amount: tranche.amount,
        returnAmount: tranche.returnAmount,
        advanceRateBp,
        ruleVersionId,
      });
      tx.record(TrancheRequested, grant.id, {
        ...this.eventBase(grant, tranche, actor.userId, now),
        ...(advanceRateBp === null ? {} : { advanceRateBp }),
        ...(ruleVersionId === null ? {} : { ruleVersionId }),
      });
      return tranche;
    });
  }

  approve(actor: TrancheActor, trancheId: string, dto: ApproveTrancheDto): Promise<Tranche> {
    return this.unitOfWork.run(async (tx) => {
      const { grant, tranche } = await this.lockTranche(tx.manager, trancheId);
      if (tranche.status !== 'requested')
        throw new TrancheStatusConflictError(tranche.id, tranche.status, 'approved');
      if (tranche.requestedBy === actor.userId) throw new SameMakerCheckerError(tranche.id);
      const amount = BigInt(tranche.amount);
      const limit = await ApprovalLimitsService.inForce(tx.manager, actor.userId);
      if (!limit || amount > BigInt(limit.limitAmount))
        throw new OverApprovalLimitError(amount, limit ? BigInt(limit.limitAmount) : null);
      const now = this.clock.now();
      await tx.manager.update(
        Tranche,
        { id: tranche.id },
        {
          status: 'approved',
          decidedBy: actor.userId,
          decidedAt: now,
          approvalLimitId: limit.id,
          version: tranche.version + 1,
        },
      );
      Object.assign(tranche, {
        status: 'approved',
        decidedBy: actor.userId,
        decidedAt: now,
        approvalLimitId: limit.id,
        version: tranche.version + 1,
      });
      await this.audit(tx, actor, tranche, 'approved', {
        approvalLimitId: limit.id,
        note: dto.note ?? null,
      });
      tx.record(TrancheApproved, grant.id, {
        ...this.eventBase(grant, tranche, actor.userId, now),
        requestedBy: tranche.requestedBy,
      });
      if (tranche.kind === 'acceptance') {
        const sums = await this.sumsOf(tx.manager, grant);
        const acceptedCost = BigInt(sums.acceptedCost ?? '0') + BigInt(tranche.acceptedCost as string);
        await this.saveSums(tx.manager, sums, { acceptedCost, stage: 'accepted' }, now);
        tx.record(GrantAccepted, grant.id, {
          grantId: grant.id,
          callId: grant.callId,
          trancheId: tranche.id,
          acceptedCost: acceptedCost.toString(),
          evidenceSha256: tranche.evidence.map((item) => item.sha256),
          acceptedBy: actor.userId,
          acceptedAt: now.toISOString(),
        });
      }
      return tranche;
    });
  }

  reject(actor: TrancheActor, trancheId: string, dto: RejectTrancheDto): Promise<Tranche> {
    return this.unitOfWork.run(async (tx) => {
      const { grant, tranche } = await this.lockTranche(tx.manager, trancheId);
      if (tranche.status !== 'requested')
        throw new TrancheStatusConflictError(tranche.id, tranche.status, 'rejected');
      if (tranche.requestedBy === actor.userId) throw new SameMakerCheckerError(tranche.id);
      const now = this.clock.now();
      const change = {
        status: 'rejected' as const,
        decidedBy: actor.userId,
        decidedAt: now,
        rejectionReason: dto.reason,
        version: tranche.version + 1,
      };
      await tx.manager.update(Tranche, { id: tranche.id }, change);
      Object.assign(tranche, change);
      const sums = await this.sumsOf(tx.manager, grant);
      await this.saveSums(
        tx.manager,
        sums,
        { reserved: BigInt(sums.reserved) - BigInt(tranche.amount) },
        now,
      );
      await this.audit(tx, actor, tranche, 'rejected', { reason: dto.reason });
      tx.record(TrancheRejected, grant.id, {
        ...this.eventBase(grant, tranche, actor.userId, now),
        reason: dto.reason,
      });
      return tranche;
    });
  }

  pay(actor: TrancheActor, trancheId: string, dto: PayTrancheDto): Promise<Tranche> {
    return this.unitOfWork.run(async (tx) => {
      const peek = isUuid(trancheId)
        ? await tx.manager.findOne(Tranche, {
            where: { id: trancheId },
            select: { id: true, grantId: true, kind: true },
          })
        : null;
      if (!peek) throw new TrancheNotFoundError(trancheId);
      // The settlement gives back to the call: lock the call before the grant, as decisions do.
      let call: FundingCall | null = null;
      if (peek.kind === 'settlement') {
        const { callId } = await tx.manager.findOneOrFail(Grant, {
          where: { id: peek.grantId },
          select: { id: true, callId: true },
        });
        call = await tx.manager.findOneOrFail(FundingCall, {
          where: { id: callId },
          lock: { mode: 'pessimistic_write' },
        });
      }
      const { grant, tranche } = await this.lockTranche(tx.manager, trancheId);
      if (tranche.status !== 'approved')
        throw new TrancheStatusConflictError(tranche.id, tranche.status, 'paid');
      const sums = await this.sumsOf(tx.manager, grant);
      const now = this.clock.now();
      const amount = BigInt(tranche.amount);
      const returned = BigInt(tranche.returnAmount);
      const disbursed = BigInt(sums.disbursed) + amount;
      const totalReturned = BigInt(sums.returned) + returned;
      const change = {
        status: 'paid' as const,
        paymentReference: dto.paymentReference,
        paidBy: actor.userId,
        paidAt: now,
        version: tranche.version + 1,
      };
      try {
        await tx.manager.update(Tranche, { id: tranche.id }, change);
      } catch (error) {
        if (isCheckViolation(error))
          throw new TrancheOverApprovedError(amount, BigInt(sums.approved) - BigInt(sums.disbursed));
        throw error;
      }
      Object.assign(tranche, change);
      const posting = { actorId: actor.userId, idempotencyKey: actor.idempotencyKey };
      if (amount > 0n)
        await this.ledger.post(Journal.tranchePaid(grant.id, tranche.id, amount), {
          ...posting,
          memo: `tranche ${tranche.sequence} (${tranche.kind}) ${dto.paymentReference}`,
        });
      if (returned > 0n)
        await this.ledger.post(Journal.settlementReturned(grant.id, returned), {
          ...posting,
          memo: `settlement return ${dto.paymentReference}`,
        });
      let released = 0n;
      if (tranche.kind === 'settlement' && call) {
        // What stays undisbursed goes back to the call; a return stays in grant_returned (ADR 0016, 0020).
        released = BigInt(sums.approved) - disbursed;
        if (released > 0n) {
          await this.ledger.post(Journal.commitmentReleased(call.id, grant.id, released), {
            ...posting,
            memo: `settlement of grant ${grant.id}`,
          });
          await tx.manager.update(
            FundingCall,
            { id: call.id },
            { committed: (BigInt(call.committed) - released).toString() },
          );
        }
      }
      await this.saveSums(
        tx.manager,
        sums,
        {
          disbursed,
          returned: totalReturned,
          ...(tranche.kind === 'settlement'
            ? { stage: 'settled' as const, finalAmount: BigInt(tranche.finalAmount as string) }
            : {}),
        },
        now,
      );
      await this.audit(tx, actor, tranche, 'paid', {
        paymentReference: dto.paymentReference,
        amount: tranche.amount,
        returnAmount: tranche.returnAmount,
        released: released.toString(),
      });
      tx.record(TranchePaid, grant.id, {
        ...this.eventBase(grant, tranche, actor.userId, now),
        paymentReference: dto.paymentReference,
        grantDisbursed: disbursed.toString(),
        grantReturned: totalReturned.toString(),
      });
      if (tranche.kind === 'settlement')
        tx.record(GrantSettled, grant.id, {
          grantId: grant.id,
          callId: grant.callId,
          trancheId: tranche.id,
          approved: sums.approved,
          finalAmount: tranche.finalAmount as string,
          disbursed: disbursed.toString(),
          returned: totalReturned.toString(),
          released: released.toString(),
          settledAt: now.toISOString(),
        });
      return tranche;
    });
  }

  /** The grant's disbursement, for fund staff and the grantee (others get the same 404 as a missing grant). */
  async disbursement(reader: { userId: string; roles: readonly string[] }, grantId: string) {
    const manager = this.dataSource.manager;
    const grant = isUuid(grantId) ? await manager.findOneBy(Grant, { id: grantId }) : null;
    if (!grant || !mayRead(reader, grant)) throw new GrantNotFoundError(grantId);
    const sums = await manager.findOneBy(GrantDisbursement, { grantId: grant.id });
    const tranches = await manager.find(Tranche, {
      where: { grantId: grant.id },
      order: { sequence: 'ASC' },
    });
    return { grant, sums, tranches } satisfies GrantDisbursementRead;
  }

  async tranche(reader: { userId: string; roles: readonly string[] }, trancheId: string): Promise<Tranche> {
    const manager = this.dataSource.manager;
    const tranche = isUuid(trancheId) ? await manager.findOneBy(Tranche, { id: trancheId }) : null;
    const grant = tranche ? await manager.findOneBy(Grant, { id: tranche.grantId }) : null;
    if (!tranche || !grant || !mayRead(reader, grant)) throw new TrancheNotFoundError(trancheId);
    return tranche;
  }

  private async lockGrant(manager: EntityManager, grantId: string): Promise<Grant> {
    const grant = isUuid(grantId)
      ? await manager.findOne(Grant, { where: { id: grantId }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!grant) throw new GrantNotFoundError(grantId);
    return grant;
  }

  /** The tranche and its grant, the grant locked first (every command on a grant queues on that row). */
  private async lockTranche(manager: EntityManager, trancheId: string) {
    const found = isUuid(trancheId)
      ? await manager.findOne(Tranche, { where: { id: trancheId }, select: { id: true, grantId: true } })
      : null;
    if (!found) throw new TrancheNotFoundError(trancheId);
    const grant = await this.lockGrant(manager, found.grantId);
    const tranche = await manager.findOneByOrFail(Tranche, { id: trancheId });
    return { grant, tranche };
  }

  /** The grant's sums, created at its first tranche (under the grant's lock). */
  private async sumsOf(manager: EntityManager, grant: Grant): Promise<GrantDisbursement> {
    const found = await manager.findOneBy(GrantDisbursement, { grantId: grant.id });
    if (found) return found;
    const sums = Object.assign(new GrantDisbursement(), {
      grantId: grant.id,
      callId: grant.callId,
      stage: 'disbursing',
      approved: grant.amount,
      reserved: '0',
      disbursed: '0',
      returned: '0',
      acceptedCost: null,
      finalAmount: null,
      version: 1,
      updatedAt: this.clock.now(),
    } satisfies Omit<GrantDisbursement, 'grant' | 'call'>);
    await manager.insert(GrantDisbursement, sums);
    return sums;
  }

  private async saveSums(
    manager: EntityManager,
    sums: GrantDisbursement,
    change: {
      reserved?: bigint;
      disbursed?: bigint;
      returned?: bigint;
      acceptedCost?: bigint;
      finalAmount?: bigint;
      stage?: GrantDisbursement['stage'];
    },
    now: Date,
  ): Promise<void> {
    const next: Partial<GrantDisbursement> = { version: sums.version + 1, updatedAt: now };
    for (const key of ['reserved', 'disbursed', 'returned', 'acceptedCost', 'finalAmount'] as const)
      if (change[key] !== undefined) next[key] = (change[key] as bigint).toString();
    if (change.stage) next.stage = change.stage;
    try {
      await manager.update(GrantDisbursement, { grantId: sums.grantId }, next);
    } catch (error) {
      if (isCheckViolation(error))
        throw new TrancheOverApprovedError(
          change.reserved ?? change.disbursed ?? 0n,
          BigInt(sums.approved) - BigInt(sums.reserved),
        );
      throw error;
    }
    Object.assign(sums, next);
  }

  private async advanceRateOf(manager: EntityManager, grant: Grant, now: Date) {
    const lines = await manager.find(BudgetLine, { where: { applicationId: grant.applicationId } });
    const category = mainCategory(lines);
    const on = dayOf(now);
    if (!category) throw new AdvanceRateNotInForceError('none', on);
    const project = await manager.findOneBy(KnownProject, { projectId: grant.projectId });
    const rate = await this.rules.advanceRate(category, project?.provinceCode ?? null, on);
    if (!rate || advanceAmount(BigInt(grant.amount), rate.value) <= 0n)
      throw new AdvanceRateNotInForceError(category, on);
    return { rateBp: rate.value, versionId: rate.versionId };
  }

  private async audit(
    tx: Transaction,
    actor: TrancheActor,
    tranche: Tranche,
    action: TrancheAction,
    details: TrancheHistoryEntry['details'],
  ): Promise<void> {
    await tx.manager.insert(TrancheHistoryEntry, {
      id: this.ids.next(),
      trancheId: tranche.id,
      grantId: tranche.grantId,
      action,
      actorId: actor.userId,
      actorRoles: [...actor.roles],
      idempotencyKey: actor.idempotencyKey,
      details,
      occurredAt: this.clock.now(),
    });
  }

  private eventBase(grant: Grant, tranche: Tranche, actorId: string, now: Date): TrancheEventPayload {
    return {
      trancheId: tranche.id,
      grantId: grant.id,
      callId: grant.callId,
      beneficiaryId: grant.beneficiaryId,
      kind: tranche.kind,
      sequence: tranche.sequence,
      amount: tranche.amount,
      returnAmount: tranche.returnAmount,
      actorId,
      occurredAt: now.toISOString(),
    };
  }
}

function mayRead(reader: { userId: string; roles: readonly string[] }, grant: Grant): boolean {
  return FUND_STAFF.some((role) => reader.roles.includes(role)) || grant.beneficiaryId === reader.userId;
}

function isCheckViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23514';
}
