import { defineRoutes, type PathParam } from '../http/define-route.js';
import { Role } from '../role.js';
import { SetApprovalLimitDto } from './approval-limit.dto.js';
import { ApprovalLimitView } from './approval-limit.view.js';

const APPROVER = {
  approverId: { format: 'uuid', doc: { vi: 'Mã người phê duyệt', en: 'Fund approver id' } },
} as const satisfies Record<string, PathParam>;

/** Approval limits (financial delegation) of fund approvers: set by an admin, history kept. */
export const ApprovalLimitRoutes = defineRoutes(
  { service: 'funding', tag: 'funding-decisions' },
  {
    setApprovalLimit: {
      method: 'POST',
      path: '/funding/approval-limits/:approverId',
      params: APPROVER,
      body: SetApprovalLimitDto,
      response: {
        status: 201,
        view: { one: ApprovalLimitView },
        doc: { vi: 'Hạn mức mới, đang hiệu lực', en: 'The new limit, now in force' },
      },
      access: [Role.Admin],
      problems: [],
      summary: {
        vi: 'Đặt hạn mức phê duyệt của một người phê duyệt (lưu lịch sử)',
        en: "Set a fund approver's approval limit (history kept)",
      },
    },
    approvalLimitHistory: {
      method: 'GET',
      path: '/funding/approval-limits/:approverId',
      params: APPROVER,
      response: {
        status: 200,
        view: { list: ApprovalLimitView },
        doc: { vi: 'Các lần đặt hạn mức, mới nhất trước', en: 'Every setting, newest first' },
      },
      access: [Role.Admin, Role.FundApprover, Role.FundOfficer],
      problems: [],
      summary: { vi: 'Lịch sử hạn mức phê duyệt', en: 'History of an approval limit' },
    },
  },
);
