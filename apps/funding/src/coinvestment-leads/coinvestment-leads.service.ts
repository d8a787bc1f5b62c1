import { Clock } from '@khoinghiep/clock';
import {
  CoinvestmentLeadClosed,
  CoinvestmentLeadTaken,
  type ListCoinvestmentLeadsQueryDto,
  PAGE_SIZE,
  type Page,
} from '@khoinghiep/contracts';
import { CursorField, decodeCursor, encodeCursor, pageOf, RoleRequiredError } from '@khoinghiep/http';
import { type Transaction, UnitOfWork } from '@khoinghiep/messaging';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import { validate as isUuid } from 'uuid';
import type { Caller } from '../applications/application-access.policy.js';
import { KnownProject } from '../project-directory/known-project.entity.js';
import { CoinvestmentLead } from './coinvestment-lead.entity.js';
import {
  CoinvestmentLeadNotFoundError,
  CoinvestmentLeadOtherProjectError,
  CoinvestmentLeadStatusConflictError,
  CoinvestmentLeadUnknownError,
} from './coinvestment-lead.errors.js';
import { LeadCommitment } from './lead-commitment.entity.js';
import { latestPerIntroduction } from './lead-figures.js';
import { type LeadAction, mayLead } from './lead-lifecycle.js';

/** A lead as read: its investors (each introduction's latest commitment) and what the directory knows of its project. */
export interface LeadRead {
  lead: CoinvestmentLead;
  investors: LeadCommitment[];
  project: KnownProject | null;
}

const LIST_CURSOR = 'coinvestment-leads';

/**
 * Fund officers' side of co-investment leads (ADR 0028): reading them, taking one on, closing one, and the lead a
 * co-investment proposal is opened from. Every change locks the lead row, so it is serialised with the intake of
 * commitments and with the other commands; events go through the outbox in the same transaction.
 */
@Injectable()
export class CoinvestmentLeadsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /** Newest first, optionally of one status. */
  async list(query: ListCoinvestmentLeadsQueryDto): Promise<Page<LeadRead>> {
    const limit = query.limit ?? PAGE_SIZE.default;
    const builder = this.dataSource
      .getRepository(CoinvestmentLead)
      .createQueryBuilder('lead')
      .orderBy('lead.openedAt', 'DESC')
      .addOrderBy('lead.id', 'DESC')
      .limit(limit + 1);
    if (query.status) builder.andWhere('lead.status = :status', { status: query.status });
    if (query.cursor) {
      const [openedAt, id] = decodeCursor<[string, string]>(query.cursor, LIST_CURSOR, [
        CursorField.timestamp,
        CursorField.uuid,
      ]);
      builder.andWhere('(lead.openedAt, lead.id) < (:openedAt, :id)', { openedAt, id });
    }
    const page = pageOf(
      await builder.getMany(),
      limit,
      (lead) => lead,
      (lead) => encodeCursor(LIST_CURSOR, [lead.openedAt.toISOString(), lead.id]),
    );
    return { items: await this.readsOf(this.dataSource.manager, page.items), nextCursor: page.nextCursor };
  }

  async get(leadId: string): Promise<LeadRead> {
    const lead = isUuid(leadId)
      ? await this.dataSource.manager.findOneBy(CoinvestmentLead, { id: leadId })
      : null;
    if (!lead) throw new CoinvestmentLeadNotFoundError(leadId);
    return this.readOf(this.dataSource.manager, lead);
  }

  /** The officer takes the open lead on: `taken`, by them, now. */
  takeOn(caller: Caller, leadId: string): Promise<LeadRead> {
    return this.change(caller, leadId, 'take_on', async (tx, lead) => {
      const now = this.clock.now();
      const changes = { status: 'taken' as const, takenBy: caller.userId, takenAt: now, updatedAt: now };
      await tx.manager.update(CoinvestmentLead, { id: lead.id }, changes);
      tx.record(CoinvestmentLeadTaken, lead.id, {
        leadId: lead.id,
        projectId: lead.projectId,
        takenBy: caller.userId,
        takenAt: now.toISOString(),
      });
      return Object.assign(lead, changes);
    });
  }

  /** The officer closes the lead without a proposal, saying why. */
  close(caller: Caller, leadId: string, reason: string): Promise<LeadRead> {
    return this.change(caller, leadId, 'close', async (tx, lead) => {
      const now = this.clock.now();
      const changes = {
        status: 'closed' as const,
        closedBy: caller.userId,
        closedAt: now,
        closeReason: reason,
        updatedAt: now,
      };
      await tx.manager.update(CoinvestmentLead, { id: lead.id }, changes);
      tx.record(CoinvestmentLeadClosed, lead.id, {
        leadId: lead.id,
        projectId: lead.projectId,
        closedBy: caller.userId,
        closedAt: now.toISOString(),
        reason,
      });
      return Object.assign(lead, changes);
    });
  }

  /**
   * The live lead a proposal for `projectId` is opened from, locked until the proposal commits, with its investors.
   * Unknown, of another project or closed: `409`.
   */
  async forProposal(tx: Transaction, leadId: string, projectId: string): Promise<LeadRead> {
    const lead = await tx.manager.findOne(CoinvestmentLead, {
      where: { id: leadId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!lead) throw new CoinvestmentLeadUnknownError(leadId);
    if (lead.projectId !== projectId)
      throw new CoinvestmentLeadOtherProjectError(leadId, lead.projectId, projectId);
    if (!mayLead('open_proposal', lead.status))
      throw new CoinvestmentLeadStatusConflictError(leadId, 'open_proposal', lead.status);
    return this.readOf(tx.manager, lead);
  }

  /** Closes the lead a proposal was opened from, linked to it (in the proposal's transaction). */
  async closeByProposal(
    tx: Transaction,
    caller: Caller,
    lead: CoinvestmentLead,
    applicationId: string,
  ): Promise<void> {
    const now = this.clock.now();
    await tx.manager.update(
      CoinvestmentLead,
      { id: lead.id },
      { status: 'closed', closedBy: caller.userId, closedAt: now, applicationId, updatedAt: now },
    );
    tx.record(CoinvestmentLeadClosed, lead.id, {
      leadId: lead.id,
      projectId: lead.projectId,
      closedBy: caller.userId,
      closedAt: now.toISOString(),
      applicationId,
    });
  }

  private change(
    caller: Caller,
    leadId: string,
    action: LeadAction,
    apply: (tx: Transaction, lead: CoinvestmentLead) => Promise<CoinvestmentLead>,
  ): Promise<LeadRead> {
    if (!caller.roles.includes('fund_officer')) throw new RoleRequiredError(['fund_officer']);
    return this.unitOfWork.run(async (tx) => {
      const lead = isUuid(leadId)
        ? await tx.manager.findOne(CoinvestmentLead, {
            where: { id: leadId },
            lock: { mode: 'pessimistic_write' },
          })
        : null;
      if (!lead) throw new CoinvestmentLeadNotFoundError(leadId);
      if (!mayLead(action, lead.status))
        throw new CoinvestmentLeadStatusConflictError(leadId, action, lead.status);
      return this.readOf(tx.manager, await apply(tx, lead));
    });
  }

  private async readOf(manager: EntityManager, lead: CoinvestmentLead): Promise<LeadRead> {
    const [read] = await this.readsOf(manager, [lead]);
    return read as LeadRead;
  }

  /** Investors and directory facts of several leads, in two queries. */
  private async readsOf(manager: EntityManager, leads: CoinvestmentLead[]): Promise<LeadRead[]> {
    if (leads.length === 0) return [];
    const commitments = await manager.find(LeadCommitment, {
      where: { leadId: In(leads.map((lead) => lead.id)) },
    });
    const projects = await manager.find(KnownProject, {
      where: { projectId: In([...new Set(leads.map((lead) => lead.projectId))]) },
    });
    return leads.map((lead) => ({
      lead,
      investors: latestPerIntroduction(commitments.filter((commitment) => commitment.leadId === lead.id)),
      project: projects.find((project) => project.projectId === lead.projectId) ?? null,
    }));
  }
}
