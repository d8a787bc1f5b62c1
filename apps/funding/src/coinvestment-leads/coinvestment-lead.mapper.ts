import type { CoinvestmentLeadView } from '@khoinghiep/contracts';
import { dayOf } from '../rules/rule-resolution.js';
import type { LeadRead } from './coinvestment-leads.service.js';

export function toCoinvestmentLeadView({ lead, investors, project }: LeadRead): CoinvestmentLeadView {
  return {
    id: lead.id,
    projectId: lead.projectId,
    projectOwnerId: lead.projectOwnerId,
    projectTitle: project?.title ?? null,
    projectPublished: project?.published ?? false,
    status: lead.status,
    privateTotal: lead.privateTotal,
    cap: lead.cap,
    capBp: lead.capBp,
    ruleVersionId: lead.ruleVersionId,
    investors: investors.map((investor) => ({
      introductionId: investor.introductionId,
      investorId: investor.investorId,
      name: investor.investorName,
      investorKind: investor.investorKind,
      kind: investor.kind,
      amount: investor.amount,
      stage: investor.stage,
      committedOn: dayOf(investor.recordedAt),
      recordedAt: investor.recordedAt.toISOString(),
    })),
    openedAt: lead.openedAt.toISOString(),
    updatedAt: lead.updatedAt.toISOString(),
    takenBy: lead.takenBy,
    takenAt: lead.takenAt?.toISOString() ?? null,
    closedBy: lead.closedBy,
    closedAt: lead.closedAt?.toISOString() ?? null,
    closeReason: lead.closeReason,
    applicationId: lead.applicationId,
  };
}
