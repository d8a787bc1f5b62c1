import { BAD_CURSOR, badIfMatch, staleIfMatch } from '../http/common-problems.js';
import { defineRoutes, type PathParam, type RouteProblem } from '../http/define-route.js';
import { PageQueryDto } from '../projects/list-projects.query.js';
import { Role } from '../role.js';
import {
  CallTransitionDto,
  ChangeCallBudgetDto,
  CreateCallDto,
  ListOpenCallsQueryDto,
  UpdateCallDto,
} from './call.dto.js';
import { CallHistoryEntryView, CallView } from './call.view.js';

const STALE_IF_MATCH = staleIfMatch('CALL', { vi: 'đợt', en: 'call' });
const BAD_IF_MATCH = badIfMatch('CALL');

const ID = { id: { format: 'uuid', doc: { vi: 'Mã đợt', en: 'Call id' } } } as const satisfies Record<
  string,
  PathParam
>;

const NOT_FOUND: RouteProblem = {
  status: 404,
  codes: ['CALL_NOT_FOUND'],
  vi: 'Không có đợt này (bản nháp chỉ cán bộ quỹ thấy)',
  en: 'No such call (drafts are for fund staff only)',
};
const ILLEGAL: RouteProblem = {
  status: 409,
  codes: ['CALL_ILLEGAL_TRANSITION', 'CALL_VERSION_STALE'],
  vi: 'Không thể ở trạng thái hiện tại (nêu trạng thái), hoặc version trong nội dung đã cũ',
  en: 'Not possible in the current state (named), or the body version is stale',
};
const CHANGE = [NOT_FOUND, ILLEGAL, STALE_IF_MATCH, BAD_IF_MATCH] as const;
const THE_CALL = {
  status: 200,
  view: { one: CallView },
  headers: ['ETag'],
  doc: { vi: 'Đợt; ETag = phiên bản', en: 'The call; ETag = its version' },
} as const;

/** The public routes of funding calls (đợt). */
export const CallRoutes = defineRoutes(
  { service: 'funding', tag: 'funding-calls' },
  {
    createCall: {
      method: 'POST',
      path: '/funding/calls',
      body: CreateCallDto,
      response: {
        status: 201,
        view: { one: CallView },
        headers: ['ETag', 'Location'],
        doc: { vi: 'Đợt nháp; ETag = phiên bản', en: 'The draft call; ETag = its version' },
      },
      access: [Role.FundOfficer],
      problems: [
        {
          status: 404,
          codes: ['FUND_NOT_FOUND'],
          vi: 'Không có quỹ này',
          en: 'No such fund',
        },
      ],
      summary: { vi: 'Tạo đợt gọi hồ sơ (nháp)', en: 'Create a draft funding call (fund officers)' },
      description: {
        vi: 'Trọng số các tiêu chí cộng lại bằng 100; closesAt sau opensAt.',
        en: 'Rubric weights add up to 100; closesAt comes after opensAt.',
      },
    },
    listOpenCalls: {
      method: 'GET',
      path: '/funding/calls',
      query: ListOpenCallsQueryDto,
      response: {
        status: 200,
        view: { page: CallView },
        doc: { vi: 'Một trang đợt đang mở', en: 'A page of open calls' },
      },
      access: 'public',
      problems: [BAD_CURSOR],
      summary: { vi: 'Các đợt đang mở, sắp hết hạn trước', en: 'Open calls, closing soonest first' },
      description: {
        vi: 'Không cần đăng nhập.',
        en: 'No sign-in needed.',
      },
    },
    getCall: {
      method: 'GET',
      path: '/funding/calls/:id',
      params: ID,
      response: THE_CALL,
      access: 'public',
      problems: [NOT_FOUND],
      summary: { vi: 'Xem một đợt đã mở', en: 'Read a call that has been opened' },
      description: {
        vi: 'Không cần đăng nhập. Bản nháp xem qua danh sách đợt của quỹ.',
        en: 'No sign-in needed. Drafts are read through the list of the fund’s calls.',
      },
    },
    updateCall: {
      method: 'PATCH',
      path: '/funding/calls/:id',
      params: ID,
      body: UpdateCallDto,
      requestHeaders: ['If-Match'],
      response: THE_CALL,
      access: [Role.FundOfficer],
      problems: [
        ...CHANGE,
        {
          status: 428,
          codes: ['CALL_VERSION_REQUIRED'],
          vi: 'Thiếu phiên bản (If-Match hoặc version)',
          en: 'Version required (If-Match or version)',
        },
      ],
      summary: { vi: 'Sửa đợt nháp', en: 'Edit a draft call (fund officers)' },
      description: {
        vi: 'Chỉ các trường gửi lên thay đổi; kinh phí điều chỉnh qua /budget.',
        en: 'Only the fields sent change; the budget changes through /budget.',
      },
    },
    openCall: {
      method: 'POST',
      path: '/funding/calls/:id/open',
      params: ID,
      body: CallTransitionDto,
      requestHeaders: ['If-Match'],
      response: THE_CALL,
      access: [Role.FundOfficer],
      problems: [
        NOT_FOUND,
        {
          status: 409,
          codes: ['CALL_ILLEGAL_TRANSITION', 'CALL_VERSION_STALE', 'CALL_ALREADY_CLOSED'],
          vi: 'Không phải bản nháp, version đã cũ, hoặc đã quá hạn nhận hồ sơ',
          en: 'Not a draft, stale body version, or its closing time has passed',
        },
        STALE_IF_MATCH,
        BAD_IF_MATCH,
      ],
      summary: { vi: 'Mở đợt nhận hồ sơ', en: 'Open a call (fund officers)' },
    },
    closeCall: {
      method: 'POST',
      path: '/funding/calls/:id/close',
      params: ID,
      body: CallTransitionDto,
      requestHeaders: ['If-Match'],
      response: THE_CALL,
      access: [Role.FundOfficer],
      problems: CHANGE,
      summary: { vi: 'Đóng đợt', en: 'Close a call (fund officers)' },
    },
    finaliseCall: {
      method: 'POST',
      path: '/funding/calls/:id/finalise',
      params: ID,
      body: CallTransitionDto,
      requestHeaders: ['If-Match'],
      response: THE_CALL,
      access: [Role.FundOfficer],
      problems: CHANGE,
      summary: { vi: 'Kết thúc đợt', en: 'Finalise a closed call (fund officers)' },
    },
    changeCallBudget: {
      method: 'POST',
      path: '/funding/calls/:id/budget',
      params: ID,
      body: ChangeCallBudgetDto,
      requestHeaders: ['If-Match'],
      idempotent: true,
      response: THE_CALL,
      access: [Role.FundOfficer],
      problems: [
        NOT_FOUND,
        {
          status: 409,
          codes: ['CALL_ILLEGAL_TRANSITION', 'CALL_VERSION_STALE', 'CALL_BUDGET_BELOW_COMMITTED'],
          vi: 'Đợt đã kết thúc, version đã cũ, hoặc kinh phí mới thấp hơn số đã cam kết (nêu số đó)',
          en: 'The call is finalised, the body version is stale, or the new budget is below what is committed (named)',
        },
        STALE_IF_MATCH,
        BAD_IF_MATCH,
      ],
      summary: { vi: 'Điều chỉnh kinh phí đợt', en: 'Raise or lower a call’s budget (fund officers)' },
      description: {
        vi: 'Không thấp hơn số đã cam kết. Mỗi lần điều chỉnh ghi nhật ký: ai, khi nào, cũ, mới, lý do.',
        en: 'Never below what is committed. Each change is audited: who, when, old, new, reason.',
      },
    },
    callHistory: {
      method: 'GET',
      path: '/funding/calls/:id/history',
      params: ID,
      query: PageQueryDto,
      response: {
        status: 200,
        view: { page: CallHistoryEntryView },
        doc: { vi: 'Một trang nhật ký, cũ trước', en: 'A page of the audit trail, oldest first' },
      },
      access: [Role.FundOfficer, Role.FundApprover, Role.Admin],
      problems: [NOT_FOUND, BAD_CURSOR],
      summary: { vi: 'Nhật ký thay đổi của đợt', en: 'Audit trail of a call (fund staff)' },
    },
  },
);
