import type { CallHistoryEntryView, CallView } from '@khoinghiep/contracts';
import type { FundingCall } from './funding-call.entity.js';
import type { FundingCallHistoryEntry } from './funding-call-history-entry.entity.js';

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

/** The API's view of a call. */
export function toCallView(call: FundingCall): CallView {
  return {
    id: call.id,
    fundId: call.fundId,
    fiscalYear: call.fiscalYear,
    title: call.title,
    description: call.description,
    status: call.status,
    version: call.version,
    budget: call.budget,
    committed: call.committed,
    available: (BigInt(call.budget) - BigInt(call.committed)).toString(),
    supportCategories: call.supportCategories,
    eligibility: {
      applicantKinds: call.eligibleApplicantKinds,
      provinceCodes: call.eligibleProvinceCodes,
      targetGroups: call.eligibleTargetGroups,
      publishedProjectRequired: call.publishedProjectRequired,
      requiredTrainingTopic: call.requiredTrainingTopic,
      maxBusinessAgeYears: call.maxBusinessAgeYears,
    },
    allocationRule: call.allocationRule,
    appraisalRubric: call.appraisalRubric,
    opensAt: call.opensAt.toISOString(),
    closesAt: call.closesAt.toISOString(),
    openedAt: iso(call.openedAt),
    closedAt: iso(call.closedAt),
    finalisedAt: iso(call.finalisedAt),
    createdAt: call.createdAt.toISOString(),
    updatedAt: call.updatedAt.toISOString(),
  };
}

export function toCallHistoryView(entry: FundingCallHistoryEntry): CallHistoryEntryView {
  return {
    id: entry.id,
    callId: entry.callId,
    action: entry.action,
    fromStatus: entry.fromStatus,
    toStatus: entry.toStatus,
    version: entry.version,
    actor: { userId: entry.actorId, roles: entry.actorRoles },
    changedFields: entry.changedFields,
    oldBudget: entry.oldBudget,
    newBudget: entry.newBudget,
    committed: entry.committed,
    reason: entry.reason,
    occurredAt: entry.occurredAt.toISOString(),
  };
}
