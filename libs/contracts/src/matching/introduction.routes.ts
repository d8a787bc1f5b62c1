import { BAD_CURSOR } from '../http/common-problems.js';
import { defineRoutes, type PathParam, type RouteProblem } from '../http/define-route.js';
import { PageQueryDto } from '../projects/list-projects.query.js';
import { Role } from '../role.js';
import { RecordPipelineStatusDto } from './introduction.dto.js';
import { IntroductionSummaryView, IntroductionView } from './introduction.view.js';

const ID = {
  introductionId: { format: 'uuid', doc: { vi: 'Mã lời giới thiệu', en: 'Introduction id' } },
} as const satisfies Record<string, PathParam>;

const NOT_FOUND: RouteProblem = {
  status: 404,
  codes: ['INTRODUCTION_NOT_FOUND'],
  vi: 'Không có, hoặc bạn không phải một trong hai bên',
  en: 'Does not exist, or you are not one of its two parties',
};
const THE_INTRODUCTION = {
  status: 200,
  view: { one: IntroductionView },
  doc: {
    vi: 'Lời giới thiệu với liên hệ hai bên và lịch sử trạng thái',
    en: 'The introduction with both contacts and its pipeline history',
  },
} as const;

/** Introductions made when a founder accepts an interest, and the investor's pipeline after them. */
export const IntroductionRoutes = defineRoutes(
  { service: 'matching', tag: 'matching-introductions' },
  {
    listIntroductions: {
      method: 'GET',
      path: '/matching/introductions',
      query: PageQueryDto,
      response: {
        status: 200,
        view: { page: IntroductionSummaryView },
        doc: { vi: 'Một trang lời giới thiệu', en: 'A page of introductions' },
      },
      access: [Role.Investor, Role.Founder],
      problems: [BAD_CURSOR],
      summary: { vi: 'Các lời giới thiệu của tôi', en: 'My introductions (investor or founder)' },
      description: { vi: 'Mới nhất trước, phân trang bằng con trỏ.', en: 'Newest first, cursor pages.' },
    },
    getIntroduction: {
      method: 'GET',
      path: '/matching/introductions/:introductionId',
      params: ID,
      response: THE_INTRODUCTION,
      access: [Role.Investor, Role.Founder],
      problems: [NOT_FOUND],
      summary: {
        vi: 'Xem lời giới thiệu và liên hệ hai bên',
        en: "Read an introduction with both sides' contacts (its two parties)",
      },
    },
    recordPipelineStatus: {
      method: 'PUT',
      path: '/matching/introductions/:introductionId/pipeline',
      params: ID,
      body: RecordPipelineStatusDto,
      response: THE_INTRODUCTION,
      access: [Role.Investor],
      problems: [
        NOT_FOUND,
        {
          status: 403,
          codes: ['INTRODUCTION_INVESTOR_ONLY'],
          vi: 'Chỉ nhà đầu tư của lời giới thiệu được ghi',
          en: 'Only the investor of the introduction records it',
        },
        {
          status: 409,
          codes: ['PIPELINE_ILLEGAL_TRANSITION', 'INTEREST_PROFILE_REQUIRED'],
          vi: 'Không thể chuyển từ trạng thái hiện tại sang trạng thái này (nêu cả hai), hoặc không còn hồ sơ nhà đầu tư',
          en: 'Not possible from the current status (both named), or the investor profile is gone',
        },
        {
          status: 400,
          codes: ['VALIDATION_FAILED'],
          vi: 'Thiếu số vốn (> 0) cho committed/invested, hoặc có số vốn cho trạng thái khác',
          en: 'No amount (> 0) for committed/invested, or an amount for another status',
        },
      ],
      summary: { vi: 'Ghi trạng thái đầu tư', en: 'Record the pipeline status (its investor)' },
      description: {
        vi: 'Giữ lịch sử. Khi committed hoặc invested, quỹ nhà nước nhận tin để xem xét đồng đầu tư (Nghị định 38/2018).',
        en: 'Kept as history. On committed or invested, funding hears of it for a state co-investment (Decree 38/2018).',
      },
    },
  },
);
