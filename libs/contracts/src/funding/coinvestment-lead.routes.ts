import { BAD_CURSOR } from '../http/common-problems.js';
import { defineRoutes, type PathParam, type RouteProblem } from '../http/define-route.js';
import { Role } from '../role.js';
import { CloseCoinvestmentLeadDto, ListCoinvestmentLeadsQueryDto } from './coinvestment-lead.dto.js';
import { CoinvestmentLeadView } from './coinvestment-lead.view.js';

const LEAD = {
  leadId: { format: 'uuid', doc: { vi: 'Mã gợi ý đồng đầu tư', en: 'Co-investment lead id' } },
} as const satisfies Record<string, PathParam>;

const NOT_FOUND: RouteProblem = {
  status: 404,
  codes: ['COINVESTMENT_LEAD_NOT_FOUND'],
  vi: 'Không có gợi ý đồng đầu tư này',
  en: 'No such co-investment lead',
};

const THE_LEAD = {
  status: 200,
  view: { one: CoinvestmentLeadView },
  doc: { vi: 'Gợi ý đồng đầu tư', en: 'The co-investment lead' },
} as const;

/**
 * Co-investment leads (ADR 0028): opened from willing private commitments recorded in matching, read by fund staff,
 * taken on or closed by a fund officer; a proposal (`POST /funding/coinvestments` with `leadId`) closes it.
 */
export const CoinvestmentLeadRoutes = defineRoutes(
  { service: 'funding', tag: 'funding-coinvestment-leads' },
  {
    listCoinvestmentLeads: {
      method: 'GET',
      path: '/funding/coinvestment-leads',
      query: ListCoinvestmentLeadsQueryDto,
      response: {
        status: 200,
        view: { page: CoinvestmentLeadView },
        doc: { vi: 'Một trang gợi ý đồng đầu tư', en: 'A page of co-investment leads' },
      },
      access: [Role.FundOfficer, Role.FundApprover],
      problems: [BAD_CURSOR],
      summary: {
        vi: 'Gợi ý đồng đầu tư từ cam kết của nhà đầu tư tư nhân (cán bộ quỹ)',
        en: "Co-investment leads from private investors' commitments (fund staff)",
      },
      description: {
        vi: 'Mới mở trước, phân trang bằng con trỏ; lọc theo trạng thái (open, taken, closed).',
        en: 'Newest first, cursor pages; filter by status (open, taken, closed).',
      },
    },
    getCoinvestmentLead: {
      method: 'GET',
      path: '/funding/coinvestment-leads/:leadId',
      params: LEAD,
      response: THE_LEAD,
      access: [Role.FundOfficer, Role.FundApprover],
      problems: [NOT_FOUND],
      summary: {
        vi: 'Xem một gợi ý đồng đầu tư: nhà đầu tư, tổng vốn tư nhân, mức trần',
        en: 'Read a co-investment lead: its investors, private total and cap',
      },
    },
    takeOnCoinvestmentLead: {
      method: 'POST',
      path: '/funding/coinvestment-leads/:leadId/take-on',
      params: LEAD,
      response: { ...THE_LEAD, doc: { vi: 'Gợi ý đã nhận xử lý', en: 'The lead, taken on' } },
      access: [Role.FundOfficer],
      problems: [
        NOT_FOUND,
        {
          status: 409,
          codes: ['COINVESTMENT_LEAD_STATUS_CONFLICT'],
          vi: 'Gợi ý đã có người nhận hoặc đã đóng (nêu trạng thái)',
          en: 'The lead is already taken on or closed (status named)',
        },
      ],
      summary: { vi: 'Nhận xử lý một gợi ý đồng đầu tư', en: 'Take a co-investment lead on (fund officers)' },
      description: {
        vi: 'Chỉ khi gợi ý đang mở; ghi người nhận và thời điểm.',
        en: 'Only an open lead; records who took it on and when.',
      },
    },
    closeCoinvestmentLead: {
      method: 'POST',
      path: '/funding/coinvestment-leads/:leadId/close',
      params: LEAD,
      body: CloseCoinvestmentLeadDto,
      response: { ...THE_LEAD, doc: { vi: 'Gợi ý đã đóng', en: 'The lead, closed' } },
      access: [Role.FundOfficer],
      problems: [
        NOT_FOUND,
        {
          status: 409,
          codes: ['COINVESTMENT_LEAD_STATUS_CONFLICT'],
          vi: 'Gợi ý đã đóng',
          en: 'The lead is already closed',
        },
      ],
      summary: {
        vi: 'Đóng một gợi ý đồng đầu tư không lập đề xuất',
        en: 'Close a co-investment lead without a proposal (fund officers)',
      },
      description: {
        vi: 'Kèm lý do. Cam kết đến sau sẽ mở gợi ý mới.',
        en: 'With a reason. Commitments that arrive later open a new lead.',
      },
    },
  },
);
