import { defineRoutes } from '../http/define-route.js';
import { Role } from '../role.js';
import { ApplicationView } from './application.view.js';
import { CreateCoinvestmentDto } from './coinvestment.dto.js';

/** State co-investment proposals beside private funds (Decree 38/2018; ADR 0021). */
export const CoinvestmentRoutes = defineRoutes(
  { service: 'funding', tag: 'funding-applications' },
  {
    openCoinvestment: {
      method: 'POST',
      path: '/funding/coinvestments',
      body: CreateCoinvestmentDto,
      response: {
        status: 201,
        view: { one: ApplicationView },
        headers: ['ETag', 'Location'],
        doc: {
          vi: 'Đề xuất đồng đầu tư đã nộp, kèm kết quả xét điều kiện',
          en: 'The co-investment proposal, submitted, with its eligibility',
        },
      },
      access: [Role.FundOfficer],
      problems: [
        {
          status: 400,
          codes: ['VALIDATION_FAILED'],
          vi: 'Nội dung sai, hoặc không có quỹ tư nhân nào cùng đầu tư (nêu trường)',
          en: 'Bad body, or no private fund beside the state (field named)',
        },
        {
          status: 409,
          codes: [
            'APPLICATION_PROJECT_UNKNOWN',
            'APPLICATION_PROJECT_NOT_PUBLISHED',
            'APPLICATION_DUPLICATE',
            'APPLICATION_CALL_UNKNOWN',
            'APPLICATION_CALL_NOT_OPEN',
            'COINVESTMENT_FUND_KIND',
            'COINVESTMENT_LEAD_UNKNOWN',
            'COINVESTMENT_LEAD_OTHER_PROJECT',
            'COINVESTMENT_LEAD_STATUS_CONFLICT',
          ],
          vi: 'Dự án chưa công bố, đã có đề án trong đợt, đợt không mở, quỹ không được đồng đầu tư, hoặc gợi ý (leadId) không có, thuộc dự án khác hay đã đóng',
          en: 'Project not published, already applied in the call, call not open, the fund may not co-invest, or the lead (leadId) is unknown, of another project or closed',
        },
      ],
      summary: {
        vi: 'Đề xuất đồng đầu tư của quỹ nhà nước cùng quỹ tư nhân (cán bộ quỹ)',
        en: "Propose a state fund's co-investment beside private funds (fund officers)",
      },
      description: {
        vi: 'Nộp ngay, xét điều kiện như đề án. Khi phê duyệt: tối đa 30 % tổng vốn tư nhân (Nghị định 38/2018). Với leadId: nhà đầu tư lấy từ gợi ý khi không nêu, gợi ý được đóng.',
        en: 'Submitted at once, eligibility checked like applications. On approval: at most 30 % of the private total (Decree 38/2018). With leadId: the lead’s investors when none are named, and the lead is closed.',
      },
    },
  },
);
