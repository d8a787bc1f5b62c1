import { BAD_CURSOR, badIfMatch, staleIfMatch } from '../http/common-problems.js';
import { defineRoutes, type PathParam, type RouteProblem } from '../http/define-route.js';
import { PageQueryDto } from '../projects/list-projects.query.js';
import { Role } from '../role.js';
import { CallView } from './call.view.js';
import { CreateFundDto, UpdateFundDto } from './fund.dto.js';
import { FundView } from './fund.view.js';

const STALE_IF_MATCH = staleIfMatch('FUND', { vi: 'quỹ', en: 'fund' });
const BAD_IF_MATCH = badIfMatch('FUND');

const ID = { id: { format: 'uuid', doc: { vi: 'Mã quỹ', en: 'Fund id' } } } as const satisfies Record<
  string,
  PathParam
>;

const NOT_FOUND: RouteProblem = {
  status: 404,
  codes: ['FUND_NOT_FOUND'],
  vi: 'Không có quỹ này',
  en: 'No such fund',
};
const CAPITAL_SHARE: RouteProblem = {
  status: 422,
  codes: ['FUND_CAPITAL_SHARE_EXCEEDED'],
  vi: 'Tỷ lệ vốn ngân sách tỉnh vượt trần theo quy định (nêu trần, tỷ lệ và phiên bản quy định)',
  en: 'The provincial-budget share exceeds the cap in force (cap, share and rule version named)',
};
const STALE: RouteProblem = {
  status: 409,
  codes: ['FUND_VERSION_STALE'],
  vi: 'version trong nội dung đã cũ',
  en: 'The body version is stale',
};
const THE_FUND = {
  status: 200,
  view: { one: FundView },
  headers: ['ETag'],
  doc: { vi: 'Quỹ; ETag = phiên bản', en: 'The fund; ETag = its version' },
} as const;
const STAFF = [Role.FundOfficer, Role.FundApprover, Role.Admin] as const;

/** The public routes of funds (funding service). */
export const FundRoutes = defineRoutes(
  { service: 'funding', tag: 'funds' },
  {
    createFund: {
      method: 'POST',
      path: '/funding/funds',
      body: CreateFundDto,
      response: {
        status: 201,
        view: { one: FundView },
        headers: ['ETag', 'Location'],
        doc: { vi: 'Quỹ vừa tạo; ETag = phiên bản', en: 'The new fund; ETag = its version' },
      },
      access: [Role.FundOfficer, Role.Admin],
      problems: [CAPITAL_SHARE],
      summary: { vi: 'Tạo quỹ', en: 'Create a fund (fund officers, admins)' },
      description: {
        vi: 'Quỹ trung ương không có tỉnh, quỹ địa phương phải có. Tỷ lệ vốn được kiểm tra theo quy định hiện hành.',
        en: 'A national fund has no province, a local one has one. The capital share is checked against the rule in force.',
      },
    },
    listFunds: {
      method: 'GET',
      path: '/funding/funds',
      query: PageQueryDto,
      response: {
        status: 200,
        view: { page: FundView },
        doc: { vi: 'Một trang quỹ', en: 'A page of funds' },
      },
      access: 'signed-in',
      problems: [BAD_CURSOR],
      summary: { vi: 'Danh sách quỹ, cũ trước', en: 'List funds, oldest first' },
    },
    getFund: {
      method: 'GET',
      path: '/funding/funds/:id',
      params: ID,
      response: THE_FUND,
      access: 'signed-in',
      problems: [NOT_FOUND],
      summary: { vi: 'Xem một quỹ', en: 'Read a fund' },
    },
    updateFund: {
      method: 'PATCH',
      path: '/funding/funds/:id',
      params: ID,
      body: UpdateFundDto,
      requestHeaders: ['If-Match'],
      response: THE_FUND,
      access: [Role.FundOfficer, Role.Admin],
      problems: [
        NOT_FOUND,
        CAPITAL_SHARE,
        STALE,
        STALE_IF_MATCH,
        BAD_IF_MATCH,
        {
          status: 428,
          codes: ['FUND_VERSION_REQUIRED'],
          vi: 'Thiếu phiên bản (If-Match hoặc version)',
          en: 'Version required (If-Match or version)',
        },
      ],
      summary: { vi: 'Sửa quỹ', en: 'Edit a fund (fund officers, admins)' },
      description: {
        vi: 'Chỉ các trường gửi lên thay đổi; loại quỹ không đổi. Mỗi thay đổi được ghi nhật ký cùng phiên bản quy định đã áp dụng.',
        en: 'Only the fields sent change; the kind never does. Each change is audited with the rule version applied.',
      },
    },
    fundCalls: {
      method: 'GET',
      path: '/funding/funds/:id/calls',
      params: ID,
      query: PageQueryDto,
      response: {
        status: 200,
        view: { page: CallView },
        doc: { vi: 'Một trang đợt, mới trước', en: 'A page of calls, newest first' },
      },
      access: STAFF,
      problems: [NOT_FOUND, BAD_CURSOR],
      summary: {
        vi: 'Mọi đợt của quỹ, kể cả bản nháp',
        en: 'Every call of a fund, drafts included (fund staff)',
      },
    },
  },
);
