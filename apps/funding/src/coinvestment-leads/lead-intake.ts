import { Clock, IdGenerator } from '@khoinghiep/clock';
import {
  type CoinvestmentLeadFiguresPayload,
  CoinvestmentLeadOpened,
  CoinvestmentLeadUpdated,
  type CommitmentRecordedPayload,
  LIVE_COINVESTMENT_LEAD_STATUSES,
} from '@khoinghiep/contracts';
import type { Transaction } from '@khoinghiep/messaging';
import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { KnownProject } from '../project-directory/known-project.entity.js';
import { type AppliedRule, RuleBook } from '../rules/rule-book.js';
import { dayOf } from '../rules/rule-resolution.js';
import { CoinvestmentLead } from './coinvestment-lead.entity.js';
import { privateKindOf } from './investor-kinds.js';
import { LeadCommitment } from './lead-commitment.entity.js';
import {
  intakeOf,
  type KnownCommitment,
  type LeadFigures,
  latestPerIntroduction,
  leadFigures,
} from './lead-figures.js';

/**
 * Turns willing private commitments recorded in matching into co-investment leads (ADR 0028), inside the consumer's
 * transaction (the inbox row, the lead and its events commit together). Unwilling investors and state funds change
 * nothing. One live lead per project: the first willing commitment opens it, later ones join it, and each
 * introduction counts once, at its latest commitment. The cap is the `coinvestment_cap` rule in force on the day of
 * the newest commitment, in the project's province when funding's directory knows it (nationally otherwise).
 */
@Injectable()
export class LeadIntake {
  constructor(
    private readonly rules: RuleBook,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async record(tx: Transaction, eventId: string, payload: CommitmentRecordedPayload): Promise<void> {
    const kind = privateKindOf(payload.investorKind);
    if (!payload.coinvestWithState || kind === null) return;
    const incoming = Object.assign(new LeadCommitment(), {
      eventId,
      leadId: '',
      introductionId: payload.introductionId,
      investorId: payload.investorId,
      investorName: payload.investorName,
      investorKind: payload.investorKind,
      kind,
      amount: payload.amount,
      stage: payload.stage,
      recordedAt: new Date(payload.recordedAt),
      receivedAt: this.clock.now(),
    } satisfies Omit<LeadCommitment, 'lead'>);
    // Lock first: a proposal closing the lead meanwhile is then seen as closed by what follows.
    const live = await this.liveLead(tx.manager, payload.projectId);
    if (intakeOf(incoming, await this.latestKnown(tx.manager, incoming.introductionId)) !== 'count') return;
    if (live) return this.join(tx, live, incoming);
    if (await this.openLead(tx, payload, incoming)) return;
    // Another transaction opened the project's lead meanwhile (the insert waited for it, then did nothing): join it.
    const opened = await this.liveLead(tx.manager, payload.projectId);
    if (!opened) throw new Error(`the live co-investment lead of project ${payload.projectId} vanished`);
    await this.join(tx, opened, incoming);
  }

  /** The newest commitment of the introduction funding has counted, in any lead. */
  private async latestKnown(manager: EntityManager, introductionId: string): Promise<KnownCommitment | null> {
    const known = await manager.findOne(LeadCommitment, {
      where: { introductionId },
      relations: { lead: true },
      order: { recordedAt: 'DESC', eventId: 'DESC' },
    });
    return known ? { ...known, leadStatus: (known.lead as CoinvestmentLead).status } : null;
  }

  /** The project's live lead, locked until the commit (commands on the lead wait for the intake, and back). */
  private liveLead(manager: EntityManager, projectId: string): Promise<CoinvestmentLead | null> {
    return manager.findOne(CoinvestmentLead, {
      where: { projectId, status: In([...LIVE_COINVESTMENT_LEAD_STATUSES]) },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /**
   * Opens the project's lead with this first commitment, unless another transaction holds one (the partial unique
   * index makes this insert wait for it, then do nothing): `false` then.
   */
  private async openLead(
    tx: Transaction,
    payload: CommitmentRecordedPayload,
    first: LeadCommitment,
  ): Promise<boolean> {
    const rule = await this.capRule(tx.manager, payload.projectId, [first]);
    const figures = leadFigures([first], rule?.value ?? null);
    const now = this.clock.now();
    const lead = Object.assign(new CoinvestmentLead(), {
      id: this.ids.next(),
      projectId: payload.projectId,
      projectOwnerId: payload.projectOwnerId,
      status: 'open',
      ...figureColumns(figures, rule),
      openedAt: now,
      updatedAt: now,
      takenBy: null,
      takenAt: null,
      closedBy: null,
      closedAt: null,
      closeReason: null,
      applicationId: null,
    } satisfies Omit<CoinvestmentLead, 'ruleVersion' | 'application'>);
    const inserted = await tx.manager
      .createQueryBuilder()
      .insert()
      .into(CoinvestmentLead)
      .values(lead)
      .orIgnore()
      .returning(['id'])
      .execute();
    if ((inserted.raw as unknown[]).length === 0) return false;
    await tx.manager.insert(LeadCommitment, { ...first, leadId: lead.id });
    tx.record(CoinvestmentLeadOpened, lead.id, figuresPayload(lead, figures, now));
    return true;
  }

  /** Counts the commitment in the live lead; its figures are computed again from every commitment counted. */
  private async join(tx: Transaction, lead: CoinvestmentLead, incoming: LeadCommitment): Promise<void> {
    await tx.manager.insert(LeadCommitment, { ...incoming, leadId: lead.id });
    const commitments = await tx.manager.find(LeadCommitment, { where: { leadId: lead.id } });
    const rule = await this.capRule(tx.manager, lead.projectId, commitments);
    const figures = leadFigures(commitments, rule?.value ?? null);
    const now = this.clock.now();
    const before = { privateTotal: lead.privateTotal, cap: lead.cap };
    const changes = { ...figureColumns(figures, rule), updatedAt: now };
    await tx.manager.update(CoinvestmentLead, { id: lead.id }, changes);
    Object.assign(lead, changes);
    if (before.privateTotal === lead.privateTotal && before.cap === lead.cap) return;
    tx.record(CoinvestmentLeadUpdated, lead.id, {
      ...figuresPayload(lead, figures, now),
      previousPrivateTotal: before.privateTotal,
      ...(before.cap === null ? {} : { previousCap: before.cap }),
    });
  }

  /** The co-investment cap in force on the day of the newest commitment counted, for the project's province. */
  private async capRule(
    manager: EntityManager,
    projectId: string,
    commitments: readonly LeadCommitment[],
  ): Promise<AppliedRule<number> | null> {
    const project = await manager.findOneBy(KnownProject, { projectId });
    const newest = Math.max(...latestPerIntroduction(commitments).map((c) => c.recordedAt.getTime()));
    return this.rules.coinvestmentCap(project?.provinceCode ?? null, dayOf(new Date(newest)));
  }
}

function figureColumns(
  figures: LeadFigures,
  rule: AppliedRule<number> | null,
): Pick<CoinvestmentLead, 'privateTotal' | 'cap' | 'capBp' | 'ruleVersionId'> {
  return {
    privateTotal: figures.privateTotal.toString(),
    cap: figures.cap === null ? null : figures.cap.toString(),
    capBp: rule?.value ?? null,
    ruleVersionId: rule?.versionId ?? null,
  };
}

function figuresPayload(
  lead: CoinvestmentLead,
  figures: LeadFigures,
  at: Date,
): CoinvestmentLeadFiguresPayload {
  return {
    leadId: lead.id,
    projectId: lead.projectId,
    projectOwnerId: lead.projectOwnerId,
    status: lead.status,
    privateTotal: lead.privateTotal,
    investorCount: figures.investorCount,
    ...(lead.cap === null ? {} : { cap: lead.cap }),
    ...(lead.capBp === null ? {} : { capBp: lead.capBp }),
    ...(lead.ruleVersionId === null ? {} : { ruleVersionId: lead.ruleVersionId }),
    occurredAt: at.toISOString(),
  };
}
