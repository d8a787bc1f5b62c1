import { Clock, IdGenerator } from '@khoinghiep/clock';
import {
  ApplicationSubmitted,
  type CreateCoinvestmentDto,
  type PrivateInvestorDto,
  programmeOfFundKind,
} from '@khoinghiep/contracts';
import { InvalidFieldsError, RoleRequiredError } from '@khoinghiep/http';
import { type Transaction, UnitOfWork } from '@khoinghiep/messaging';
import { Injectable } from '@nestjs/common';
import { In, QueryFailedError } from 'typeorm';
import { Application } from '../applications/application.entity.js';
import {
  DuplicateApplicationError,
  ProjectNotPublishedError,
  ProjectUnknownError,
} from '../applications/application.errors.js';
import type { Caller } from '../applications/application-access.policy.js';
import type { ApplicationAggregate } from '../applications/application-aggregate.js';
import { ApplicationHistoryEntry } from '../applications/application-history-entry.entity.js';
import { openCallOrThrow } from '../applications/applications.service.js';
import { BudgetLine } from '../applications/budget-line.entity.js';
import { FundingCall } from '../calls/funding-call.entity.js';
import { CoinvestmentLeadsService } from '../coinvestment-leads/coinvestment-leads.service.js';
import { proposalInvestorsOf } from '../coinvestment-leads/proposal-investors.js';
import { CallDirectory } from '../eligibility/call-terms.js';
import { checkEligibility, isEligible } from '../eligibility/eligibility-rules.js';
import { recordEligibility } from '../eligibility/record-eligibility.js';
import { Fund } from '../funds/fund.entity.js';
import { KnownProject } from '../project-directory/known-project.entity.js';
import { CoinvestmentFundKindError } from './coinvestment.errors.js';
import { PrivateInvestor } from './private-investor.entity.js';

const hasPrivateFund = (investors: readonly PrivateInvestorDto[]): boolean =>
  investors.some((investor) => investor.kind === 'private_venture_fund');

const NO_PRIVATE_FUND = {
  field: 'privateInvestors',
  message: {
    vi: 'Cần ít nhất một quỹ đầu tư tư nhân (private_venture_fund) cùng đầu tư (Nghị định 38/2018).',
    en: 'At least one private venture fund (private_venture_fund) must invest beside the state (Decree 38/2018).',
  },
};

const NO_PRIVATE_FUND_IN_LEAD = {
  field: 'privateInvestors',
  message: {
    vi: 'Gợi ý không có quỹ đầu tư tư nhân (private_venture_fund) nào; hãy nêu các nhà đầu tư cùng đầu tư (Nghị định 38/2018).',
    en: 'The lead has no private venture fund (private_venture_fund); name the investors beside the state (Decree 38/2018).',
  },
};

/**
 * State co-investment proposals (Decree 38/2018, ADR 0021): an application of kind `coinvestment` that a fund
 * officer opens for a published project, submitted at once with its eligibility, the private investors beside it
 * stored with it. The startup's founder is its applicant (they read it; the approver can never be them). The cap
 * is a rule of the approval (`DecisionsService`). Opened from a co-investment lead (ADR 0028), the lead's investors
 * stand in for none named, and the lead is closed and linked to the proposal in the same transaction.
 */
@Injectable()
export class CoinvestmentsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly calls: CallDirectory,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly leads: CoinvestmentLeadsService,
  ) {}

  open(caller: Caller, dto: CreateCoinvestmentDto): Promise<ApplicationAggregate> {
    if (!caller.roles.includes('fund_officer')) throw new RoleRequiredError(['fund_officer']);
    const named = dto.privateInvestors;
    const problems = [
      ...(named === undefined || hasPrivateFund(named) ? [] : [NO_PRIVATE_FUND]),
      ...(named ?? []).flatMap((investor, index) =>
        BigInt(investor.amount) > 0n
          ? []
          : [
              {
                field: `privateInvestors[${index}].amount`,
                message: {
                  vi: 'Số vốn cam kết phải lớn hơn 0.',
                  en: 'The amount committed must be above 0.',
                },
              },
            ],
      ),
      ...(BigInt(dto.amount) > 0n
        ? []
        : [
            {
              field: 'amount',
              message: { vi: 'Số vốn đề xuất phải lớn hơn 0.', en: 'The amount must be above 0.' },
            },
          ]),
    ];
    if (problems.length > 0) throw new InvalidFieldsError(problems);

    return this.unitOfWork
      .run(async (tx) => this.openIn(tx, caller, dto))
      .catch((error: unknown) => {
        // Two proposals for one project and call at once: the unique index answers what the read could not see.
        if (
          error instanceof QueryFailedError &&
          (error.driverError as { constraint?: string }).constraint === 'UQ_applications_call_project_live'
        )
          throw new DuplicateApplicationError('?');
        throw error;
      });
  }

  private async openIn(
    tx: Transaction,
    caller: Caller,
    dto: CreateCoinvestmentDto,
  ): Promise<ApplicationAggregate> {
    // Opened from a lead: the lead is locked until the proposal commits, and its investors stand in for none named.
    const lead =
      dto.leadId === undefined ? null : await this.leads.forProposal(tx, dto.leadId, dto.projectId);
    const investors = dto.privateInvestors ?? proposalInvestorsOf(lead?.investors ?? []);
    if (dto.privateInvestors === undefined && !hasPrivateFund(investors))
      throw new InvalidFieldsError([NO_PRIVATE_FUND_IN_LEAD]);
    const project = await tx.manager.findOne(KnownProject, {
      where: { projectId: dto.projectId },
      lock: { mode: 'pessimistic_read' },
    });
    if (!project) throw new ProjectUnknownError(dto.projectId);
    if (!project.published || project.ownerId === null)
      throw new ProjectNotPublishedError(dto.projectId, project.lastEventType);
    const now = this.clock.now();
    const terms = openCallOrThrow(await this.calls.termsOf(dto.callId, { lock: true }), dto.callId, now);
    const call = await tx.manager.findOneByOrFail(FundingCall, { id: dto.callId });
    const fund = await tx.manager.findOneByOrFail(Fund, { id: call.fundId });
    if (programmeOfFundKind(fund.kind) !== 'venture_coinvestment')
      throw new CoinvestmentFundKindError(dto.callId, fund.kind);
    const existing = await tx.manager.findOne(Application, {
      where: {
        callId: dto.callId,
        projectId: dto.projectId,
        status: In(['draft', 'submitted', 'approved', 'rejected']),
      },
    });
    if (existing) throw new DuplicateApplicationError(existing.id);

    const privateTotal = investors.reduce((sum, investor) => sum + BigInt(investor.amount), 0n);
    const draft = Object.assign(new Application(), {
      id: this.ids.next(),
      callId: dto.callId,
      projectId: dto.projectId,
      applicantId: project.ownerId,
      kind: 'coinvestment',
      status: 'draft',
      version: 1,
      applicantKind: dto.applicantKind,
      businessRegisteredOn: null,
      declaredPriorityGroups: [],
      coFinancingCentral: '0',
      coFinancingProvincial: dto.amount,
      coFinancingOwn: '0',
      eligible: null,
      eligibilityCheckedAt: null,
      withdrawalReason: null,
      createdAt: now,
      updatedAt: now,
      submittedAt: null,
      withdrawnAt: null,
    } satisfies Omit<Application, 'project' | 'call'>);
    await tx.manager.insert(Application, draft);
    // One line: the state's amount, beside the private money (the whole round is its cost).
    const line = Object.assign(new BudgetLine(), {
      applicationId: draft.id,
      position: 0,
      category: 'state_coinvestment',
      description: 'Vốn nhà nước đồng đầu tư / State co-investment (Decree 38/2018)',
      cost: (BigInt(dto.amount) + privateTotal).toString(),
      requested: dto.amount,
      ownContribution: '0',
    } satisfies Omit<BudgetLine, 'application'>);
    await tx.manager.insert(BudgetLine, line);
    await tx.manager.insert(
      PrivateInvestor,
      investors.map((investor, position) => ({
        applicationId: draft.id,
        position,
        name: investor.name.trim(),
        kind: investor.kind,
        amount: investor.amount,
        choseOn: investor.choseOn,
      })),
    );

    const results = checkEligibility(
      terms,
      {
        applicantKind: dto.applicantKind,
        businessRegisteredOn: null,
        priorityGroups: [],
        project: {
          published: project.published,
          provinceCode: project.provinceCode,
          targetGroups: project.targetGroups,
        },
        completedTrainingTopics: [],
      },
      now,
    );
    const eligible = isEligible(results);
    const changes: Partial<Application> = {
      status: 'submitted',
      version: 2,
      eligible,
      eligibilityCheckedAt: now,
      submittedAt: now,
    };
    await tx.manager.update(Application, { id: draft.id }, changes);
    const application = Object.assign(new Application(), draft, changes);
    await tx.manager.insert(ApplicationHistoryEntry, {
      id: this.ids.next(),
      applicationId: application.id,
      action: 'submit',
      fromStatus: null,
      toStatus: application.status,
      version: application.version,
      actorId: caller.userId,
      actorRoles: [...caller.roles],
      changedFields: [],
      comment: null,
      occurredAt: now,
    } satisfies ApplicationHistoryEntry);

    const base = {
      applicationId: application.id,
      callId: application.callId,
      projectId: application.projectId,
      applicantId: application.applicantId,
      version: application.version,
    };
    tx.record(ApplicationSubmitted, application.id, {
      ...base,
      kind: 'coinvestment',
      applicantKind: application.applicantKind,
      provinceCode: project.provinceCode as string,
      priorityGroups: [],
      totalCost: line.cost,
      totalRequested: line.requested,
      totalOwnContribution: '0',
      centralBudget: '0',
      provincialBudget: application.coFinancingProvincial,
      categories: ['state_coinvestment'],
      eligible,
      submittedAt: now.toISOString(),
    });
    const outcomes = await recordEligibility(tx, application, results, now);
    if (lead) await this.leads.closeByProposal(tx, caller, lead.lead, application.id);
    return {
      application,
      lines: [line],
      attachments: [],
      outcomes,
      projectTitle: project.title ?? '',
      projectTargetGroups: project.targetGroups,
    };
  }
}
