import type { InterestView } from '@khoinghiep/contracts';
import type { Interest } from './interest.entity.js';

export function toInterestView(interest: Interest): InterestView {
  return {
    id: interest.id,
    projectId: interest.projectId,
    projectTitle: interest.projectTitle,
    projectOwnerId: interest.projectOwnerId,
    investorId: interest.investorId,
    investorName: interest.investorName,
    message: interest.message,
    status: interest.status,
    declineReason: interest.declineReason,
    introductionId: interest.introductionId,
    expressedAt: interest.expressedAt.toISOString(),
    closedAt: interest.closedAt?.toISOString() ?? null,
  };
}
