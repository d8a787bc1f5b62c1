import type { CoinvestmentLeadStatus } from '@khoinghiep/contracts';
import { DomainError } from '@khoinghiep/http';
import { LEAD_ACTION_FROM, type LeadAction } from './lead-lifecycle.js';

/** No such lead (a route's `:leadId`): `404`. */
export class CoinvestmentLeadNotFoundError extends DomainError {
  constructor(leadId: string) {
    super({
      code: 'COINVESTMENT_LEAD_NOT_FOUND',
      status: 404,
      params: { leadId },
      extensions: { leadId },
      messages: {
        title: { vi: 'Không tìm thấy gợi ý đồng đầu tư', en: 'Co-investment lead not found' },
        detail: {
          vi: 'Không tìm thấy gợi ý đồng đầu tư {leadId}.',
          en: 'Co-investment lead {leadId} was not found.',
        },
      },
    });
  }
}

/** A proposal names a lead that does not exist: `409`, like an unknown call in the same body. */
export class CoinvestmentLeadUnknownError extends DomainError {
  constructor(leadId: string) {
    super({
      code: 'COINVESTMENT_LEAD_UNKNOWN',
      status: 409,
      params: { leadId },
      extensions: { leadId },
      messages: {
        title: { vi: 'Không có gợi ý đồng đầu tư này', en: 'No such co-investment lead' },
        detail: {
          vi: 'Không có gợi ý đồng đầu tư {leadId}.',
          en: 'There is no co-investment lead {leadId}.',
        },
      },
    });
  }
}

/** A proposal names the lead of another project: `409`. */
export class CoinvestmentLeadOtherProjectError extends DomainError {
  constructor(leadId: string, leadProjectId: string, projectId: string) {
    super({
      code: 'COINVESTMENT_LEAD_OTHER_PROJECT',
      status: 409,
      params: { leadId, leadProjectId, projectId },
      extensions: { leadId, leadProjectId },
      messages: {
        title: { vi: 'Gợi ý thuộc dự án khác', en: 'The lead is of another project' },
        detail: {
          vi: 'Gợi ý {leadId} thuộc dự án {leadProjectId}, không phải dự án {projectId}.',
          en: 'Lead {leadId} is of project {leadProjectId}, not of project {projectId}.',
        },
      },
    });
  }
}

const ACTION_NAMES: Readonly<Record<LeadAction, { vi: string; en: string }>> = {
  take_on: { vi: 'nhận xử lý', en: 'take on' },
  close: { vi: 'đóng', en: 'close' },
  open_proposal: { vi: 'lập đề xuất từ', en: 'open a proposal from' },
};

/** The lead's status does not allow the action (taken on twice, closed already): `409`, naming the status. */
export class CoinvestmentLeadStatusConflictError extends DomainError {
  constructor(leadId: string, action: LeadAction, status: CoinvestmentLeadStatus) {
    super({
      code: 'COINVESTMENT_LEAD_STATUS_CONFLICT',
      status: 409,
      params: {
        leadId,
        status,
        actionVi: ACTION_NAMES[action].vi,
        actionEn: ACTION_NAMES[action].en,
        allowed: LEAD_ACTION_FROM[action].join(', '),
      },
      extensions: { leadId, currentStatus: status, allowedFrom: LEAD_ACTION_FROM[action] },
      messages: {
        title: { vi: 'Gợi ý không ở trạng thái phù hợp', en: 'The lead is not in the right status' },
        detail: {
          vi: 'Gợi ý {leadId} đang ở trạng thái "{status}"; chỉ {actionVi} khi: {allowed}.',
          en: 'Lead {leadId} is "{status}"; you can {actionEn} it only when: {allowed}.',
        },
      },
    });
  }
}
