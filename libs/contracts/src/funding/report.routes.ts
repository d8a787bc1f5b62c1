import { defineRoutes, type RouteSpec } from '../http/define-route.js';
import { Role } from '../role.js';
import { GrantReportQueryDto } from './report.dto.js';
import { CallReportView, CategoryReportView, GrantReportView } from './report.view.js';

const STAFF = [Role.FundOfficer, Role.FundApprover, Role.Admin];
const CSV_DOC = {
  vi: 'Tệp CSV: UTF-8 có BOM, phân cách bằng ";", tiêu đề tiếng Việt, số tiền là số nguyên đồng',
  en: 'CSV file: UTF-8 with BOM, ";"-separated, Vietnamese headers, amounts in whole đồng',
};
const csvResponse = {
  status: 200,
  view: { file: 'text/csv' },
  headers: ['Content-Disposition'],
  doc: CSV_DOC,
} as const satisfies RouteSpec['response'];

/** Reports of the funding service for fund staff (ADR 0020), as JSON and as CSV for accountants. */
export const ReportRoutes = defineRoutes(
  { service: 'funding', tag: 'funding-reports' },
  {
    callReport: {
      method: 'GET',
      path: '/funding/reports/calls',
      response: {
        status: 200,
        view: { one: CallReportView },
        doc: { vi: 'Báo cáo theo đợt', en: 'Report per call' },
      },
      access: STAFF,
      problems: [],
      summary: {
        vi: 'Theo đợt: ngân sách, đã cam kết, đã chi, đã thu hồi, còn lại',
        en: 'Per call: budget, committed, disbursed, returned, available',
      },
    },
    callReportCsv: {
      method: 'GET',
      path: '/funding/reports/calls/csv',
      response: csvResponse,
      access: STAFF,
      problems: [],
      summary: { vi: 'Báo cáo theo đợt dạng CSV', en: 'Report per call as CSV' },
    },
    grantReport: {
      method: 'GET',
      path: '/funding/reports/grants',
      query: GrantReportQueryDto,
      response: {
        status: 200,
        view: { one: GrantReportView },
        doc: { vi: 'Báo cáo theo khoản tài trợ', en: 'Report per grant' },
      },
      access: STAFF,
      problems: [],
      summary: {
        vi: 'Theo khoản tài trợ: được duyệt, đã chi, còn lại',
        en: 'Per grant: approved, disbursed, remaining',
      },
    },
    grantReportCsv: {
      method: 'GET',
      path: '/funding/reports/grants/csv',
      query: GrantReportQueryDto,
      response: csvResponse,
      access: STAFF,
      problems: [],
      summary: { vi: 'Báo cáo theo khoản tài trợ dạng CSV', en: 'Report per grant as CSV' },
    },
    categoryReport: {
      method: 'GET',
      path: '/funding/reports/categories',
      response: {
        status: 200,
        view: { one: CategoryReportView },
        doc: { vi: 'Dự toán và thực hiện theo lĩnh vực', en: 'Budget against actual per category' },
      },
      access: STAFF,
      problems: [],
      summary: {
        vi: 'Dự toán (được duyệt) so với thực hiện (đã chi trừ thu hồi) theo lĩnh vực hỗ trợ',
        en: 'Budget (approved) against actual (paid less returns) per support category',
      },
    },
    categoryReportCsv: {
      method: 'GET',
      path: '/funding/reports/categories/csv',
      response: csvResponse,
      access: STAFF,
      problems: [],
      summary: { vi: 'Dự toán và thực hiện theo lĩnh vực dạng CSV', en: 'Budget against actual as CSV' },
    },
  },
);
