import { defineRoutes, type PathParam, type RouteProblem } from '../http/define-route.js';
import { Role } from '../role.js';
import { ApproveTrancheDto, PayTrancheDto, RejectTrancheDto, RequestTrancheDto } from './tranche.dto.js';
import { GrantDisbursementView, TrancheView } from './tranche.view.js';

const GRANT = {
  id: { format: 'uuid', doc: { vi: 'Mã khoản tài trợ', en: 'Grant id' } },
} as const satisfies Record<string, PathParam>;
const TRANCHE = {
  id: { format: 'uuid', doc: { vi: 'Mã đợt giải ngân', en: 'Tranche id' } },
} as const satisfies Record<string, PathParam>;

const GRANT_NOT_FOUND: RouteProblem = {
  status: 404,
  codes: ['GRANT_NOT_FOUND'],
  vi: 'Không có khoản tài trợ này',
  en: 'No such grant',
};
const TRANCHE_NOT_FOUND: RouteProblem = {
  status: 404,
  codes: ['TRANCHE_NOT_FOUND'],
  vi: 'Không có đợt giải ngân này',
  en: 'No such tranche',
};
const NOT_IN_STATUS: RouteProblem = {
  status: 409,
  codes: ['TRANCHE_STATUS_CONFLICT'],
  vi: 'Đợt giải ngân không ở trạng thái cho phép việc này',
  en: 'The tranche is not in a status that allows this',
};

/**
 * Disbursement in tranches (ADR 0020): an officer asks (maker), a different approver approves within their limit or
 * rejects (checker), an officer marks it paid. Money commands take an Idempotency-Key; decisions the second factor.
 */
export const TrancheRoutes = defineRoutes(
  { service: 'funding', tag: 'funding-tranches' },
  {
    requestTranche: {
      method: 'POST',
      path: '/funding/grants/:id/tranches',
      params: GRANT,
      body: RequestTrancheDto,
      idempotent: true,
      response: {
        status: 201,
        view: { one: TrancheView },
        doc: { vi: 'Đợt giải ngân vừa đề nghị', en: 'The tranche asked for' },
      },
      access: [Role.FundOfficer],
      problems: [
        GRANT_NOT_FOUND,
        {
          status: 409,
          codes: [
            'TRANCHE_STEP_OUT_OF_ORDER',
            'TRANCHE_PENDING',
            'GRANT_SETTLED',
            'TRANCHE_OVER_APPROVED',
            'ADVANCE_RATE_NOT_IN_FORCE',
          ],
          vi: 'Sai thứ tự tạm ứng → nghiệm thu → quyết toán, còn đợt chưa xử lý xong, đã quyết toán, vượt số được duyệt, hoặc không có tỷ lệ tạm ứng đang hiệu lực',
          en: 'Out of the advance → acceptance → settlement order, a tranche still open, already settled, above what was approved, or no advance rate in force',
        },
        {
          status: 422,
          codes: ['TRANCHE_FIELDS_FOR_KIND'],
          vi: 'Trường không dùng cho loại đợt này',
          en: 'A field that this kind of tranche does not take',
        },
      ],
      summary: {
        vi: 'Đề nghị một đợt giải ngân (tạm ứng, nghiệm thu, quyết toán)',
        en: 'Ask for a tranche (advance, acceptance, settlement)',
      },
      description: {
        vi: 'Cần Idempotency-Key. Tạm ứng = số được duyệt × tỷ lệ tạm ứng đang hiệu lực của lĩnh vực chính. Nghiệm thu: chi phí được nghiệm thu và chứng từ. Quyết toán: số quyết toán ≤ số được duyệt; phần chênh được chi hoặc thu hồi.',
        en: "Needs an Idempotency-Key. Advance = approved × the advance rate in force for the grant's main category. Acceptance: accepted cost and evidence. Settlement: final amount ≤ approved; the balance is paid or returned.",
      },
    },
    grantDisbursement: {
      method: 'GET',
      path: '/funding/grants/:id/tranches',
      params: GRANT,
      response: {
        status: 200,
        view: { one: GrantDisbursementView },
        doc: { vi: 'Tình hình giải ngân và các đợt', en: 'The disbursement and its tranches' },
      },
      access: 'signed-in',
      problems: [
        {
          ...GRANT_NOT_FOUND,
          vi: 'Không có khoản tài trợ này (chỉ cán bộ quỹ và người được tài trợ thấy)',
          en: 'No such grant (only fund staff and the grantee see it)',
        },
      ],
      summary: {
        vi: 'Xem từng bước giải ngân của một khoản tài trợ',
        en: 'Every disbursement step of a grant',
      },
    },
    getTranche: {
      method: 'GET',
      path: '/funding/tranches/:id',
      params: TRANCHE,
      response: { status: 200, view: { one: TrancheView }, doc: { vi: 'Đợt giải ngân', en: 'The tranche' } },
      access: 'signed-in',
      problems: [TRANCHE_NOT_FOUND],
      summary: { vi: 'Xem một đợt giải ngân', en: 'Read a tranche' },
    },
    approveTranche: {
      method: 'POST',
      path: '/funding/tranches/:id/approval',
      params: TRANCHE,
      body: ApproveTrancheDto,
      idempotent: true,
      secondFactor: true,
      response: {
        status: 200,
        view: { one: TrancheView },
        doc: { vi: 'Đợt giải ngân đã duyệt', en: 'The tranche, approved' },
      },
      access: [Role.FundApprover],
      problems: [
        TRANCHE_NOT_FOUND,
        { ...NOT_IN_STATUS, codes: ['TRANCHE_STATUS_CONFLICT', 'OVER_APPROVAL_LIMIT'] },
        {
          status: 422,
          codes: ['TRANCHE_SAME_MAKER_CHECKER'],
          vi: 'Người duyệt phải khác người đề nghị',
          en: 'The approver must not be who asked for it',
        },
      ],
      summary: { vi: 'Duyệt một đợt giải ngân (người kiểm soát)', en: 'Approve a tranche (the checker)' },
      description: {
        vi: 'Cần Idempotency-Key và xác thực hai lớp; người duyệt khác người đề nghị, số tiền trong hạn mức phê duyệt.',
        en: 'Needs an Idempotency-Key and the second factor; not the maker, and within the approval limit.',
      },
    },
    rejectTranche: {
      method: 'POST',
      path: '/funding/tranches/:id/rejection',
      params: TRANCHE,
      body: RejectTrancheDto,
      idempotent: true,
      secondFactor: true,
      response: {
        status: 200,
        view: { one: TrancheView },
        doc: { vi: 'Đợt giải ngân bị từ chối', en: 'The tranche, rejected' },
      },
      access: [Role.FundApprover],
      problems: [
        TRANCHE_NOT_FOUND,
        NOT_IN_STATUS,
        {
          status: 422,
          codes: ['TRANCHE_SAME_MAKER_CHECKER'],
          vi: 'Người từ chối phải khác người đề nghị',
          en: 'The checker must not be who asked for it',
        },
      ],
      summary: { vi: 'Từ chối một đợt giải ngân, nêu lý do', en: 'Reject a tranche, with the reason' },
    },
    payTranche: {
      method: 'POST',
      path: '/funding/tranches/:id/payment',
      params: TRANCHE,
      body: PayTrancheDto,
      idempotent: true,
      response: {
        status: 200,
        view: { one: TrancheView },
        doc: { vi: 'Đợt giải ngân đã chi', en: 'The tranche, paid' },
      },
      access: [Role.FundOfficer],
      problems: [
        TRANCHE_NOT_FOUND,
        { ...NOT_IN_STATUS, codes: ['TRANCHE_STATUS_CONFLICT', 'TRANCHE_OVER_APPROVED'] },
      ],
      summary: {
        vi: 'Ghi nhận đã chi (hoặc đã thu hồi khi quyết toán) với số chứng từ',
        en: 'Record the payment (or, at settlement, the return) with its reference',
      },
      description: {
        vi: 'Cần Idempotency-Key. Ghi sổ cái; tổng đã chi của khoản tài trợ không vượt số được duyệt.',
        en: "Needs an Idempotency-Key. Posts to the ledger; the grant's total paid never exceeds what was approved.",
      },
    },
  },
);
