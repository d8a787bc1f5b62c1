import { defineRoutes, type PathParam, type RouteProblem } from '../http/define-route.js';
import { Role } from '../role.js';
import { BulkApprovalDto, DecideApplicationDto } from './decision.dto.js';
import { BulkApprovalView, CallRankingView, DecisionView } from './decision.view.js';

const APPLICATION = {
  id: { format: 'uuid', doc: { vi: 'Mã đề án', en: 'Application id' } },
} as const satisfies Record<string, PathParam>;
const CALL = { id: { format: 'uuid', doc: { vi: 'Mã đợt', en: 'Call id' } } } as const satisfies Record<
  string,
  PathParam
>;

const CALL_NOT_FOUND: RouteProblem = {
  status: 404,
  codes: ['CALL_NOT_FOUND'],
  vi: 'Không có đợt này',
  en: 'No such call',
};
const REFUSED: RouteProblem = {
  status: 409,
  codes: [
    'DECISION_ALREADY_MADE',
    'DECISION_NOT_DECIDABLE',
    'DECISION_CALL_NOT_DECIDING',
    'OVER_APPROVAL_LIMIT',
    'CALL_BUDGET_EXCEEDED',
  ],
  vi: 'Đã quyết định, đề án chưa nộp hoặc không đủ điều kiện, đợt không ở giai đoạn xét duyệt, vượt hạn mức phê duyệt hoặc vượt ngân sách còn lại',
  en: 'Already decided, not submitted or not eligible, call not being decided, over the approval limit, or over what is left of the budget',
};
const AMOUNT_REFUSED: RouteProblem = {
  status: 422,
  codes: [
    'DECISION_AMOUNT_OVER_REQUESTED',
    'DECISION_AMOUNT_OVER_CEILING',
    'DECISION_COINVESTMENT_OVER_CAP',
    'DECISION_OWN_APPLICATION',
  ],
  vi: 'Số tiền vượt số đề nghị, mức trần hoặc trần đồng đầu tư đang hiệu lực, hoặc người phê duyệt là người nộp',
  en: 'Amount above the request, a ceiling or the co-investment cap in force, or the approver is the applicant',
};

/** Decisions on applications, the ranked list of a call and bulk approval (fund approvers; ADR 0018). */
export const DecisionRoutes = defineRoutes(
  { service: 'funding', tag: 'funding-decisions' },
  {
    decideApplication: {
      method: 'POST',
      path: '/funding/applications/:id/decision',
      params: APPLICATION,
      body: DecideApplicationDto,
      idempotent: true,
      secondFactor: true,
      response: {
        status: 201,
        view: { one: DecisionView },
        doc: {
          vi: 'Quyết định, kèm khoản tài trợ nếu phê duyệt',
          en: 'The decision, with its grant if approved',
        },
      },
      access: [Role.FundApprover],
      problems: [
        {
          status: 404,
          codes: ['APPLICATION_NOT_FOUND'],
          vi: 'Không có đề án này',
          en: 'No such application',
        },
        REFUSED,
        AMOUNT_REFUSED,
      ],
      summary: {
        vi: 'Phê duyệt (một số tiền) hoặc từ chối (nêu lý do) một đề án đã nộp, đủ điều kiện',
        en: 'Approve (an amount) or reject (with a reason) a submitted, eligible application',
      },
      description: {
        vi: 'Cần Idempotency-Key và xác thực hai lớp. Số tiền ≤ số đề nghị, ≤ mức trần đang hiệu lực, ≤ ngân sách còn lại của đợt, ≤ hạn mức của người phê duyệt.',
        en: "Needs an Idempotency-Key and the second factor. Amount ≤ requested, ≤ ceilings in force, ≤ what is left of the call, ≤ the approver's limit.",
      },
    },
    callRanking: {
      method: 'GET',
      path: '/funding/calls/:id/ranking',
      params: CALL,
      response: {
        status: 200,
        view: { one: CallRankingView },
        doc: { vi: 'Danh sách xếp hạng', en: 'The ranked list' },
      },
      access: [Role.FundOfficer, Role.FundApprover, Role.Admin],
      problems: [CALL_NOT_FOUND],
      summary: {
        vi: 'Xếp hạng đề án đủ điều kiện của một đợt, và ngân sách còn lại đủ đến đâu',
        en: "Rank a call's eligible applications, and how far the remaining budget reaches",
      },
      description: {
        vi: 'Theo quy tắc phân bổ của đợt (nộp trước / điểm thẩm định); bằng nhau thì ưu tiên doanh nghiệp do phụ nữ, người dân tộc thiểu số làm chủ, doanh nghiệp xã hội.',
        en: 'By the call’s allocation rule (first come / appraisal score); ties go to women-led, ethnic-minority-led and social enterprises.',
      },
    },
    bulkApprove: {
      method: 'POST',
      path: '/funding/calls/:id/bulk-approval',
      params: CALL,
      body: BulkApprovalDto,
      idempotent: true,
      secondFactor: true,
      response: {
        status: 200,
        view: { one: BulkApprovalView },
        doc: {
          vi: 'Các quyết định đã phê duyệt và nơi dừng (nếu có)',
          en: 'The approvals made, and where it stopped (if it did)',
        },
      },
      access: [Role.FundApprover],
      problems: [CALL_NOT_FOUND, { ...REFUSED, codes: ['DECISION_CALL_NOT_DECIDING'] }],
      summary: {
        vi: 'Phê duyệt hàng loạt theo thứ tự; dừng khi hết ngân sách hoặc hạn mức',
        en: 'Approve a ranked list in order; stops where the budget or the limit runs out',
      },
      description: {
        vi: 'Cần Idempotency-Key và xác thực hai lớp. Tất cả trong một giao dịch: dừng ở đề án đầu tiên không phê duyệt được, nêu lý do.',
        en: 'Needs an Idempotency-Key and the second factor. One transaction: stops at the first application that cannot be approved, and says why.',
      },
    },
  },
);
