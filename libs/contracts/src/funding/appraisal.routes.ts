import { defineRoutes, type PathParam, type RouteProblem } from '../http/define-route.js';
import { Role } from '../role.js';
import {
  AssignAppraisersDto,
  CloseAppraisalDto,
  DeclareConflictDto,
  ListMyAppraisalsQueryDto,
  ScoreAppraisalDto,
} from './appraisal.dto.js';
import { AppraisalView, AppraiserAssessmentView, AppraiserView, MyAppraisalView } from './appraisal.view.js';

const ID = {
  id: { format: 'uuid', doc: { vi: 'Mã đề án', en: 'Application id' } },
} as const satisfies Record<string, PathParam>;

const NOT_FOUND: RouteProblem = {
  status: 404,
  codes: ['APPLICATION_NOT_FOUND', 'APPRAISAL_NOT_FOUND'],
  vi: 'Không có đề án, hoặc đề án chưa được phân công thẩm định',
  en: 'No such application, or no appraisal of it yet',
};
const APPLICANT_EXCLUDED: RouteProblem = {
  status: 403,
  codes: ['APPRAISAL_APPLICANT_EXCLUDED'],
  vi: 'Người nộp đề án không được thẩm định hay tổ chức thẩm định đề án của mình',
  en: 'The applicant may not appraise, or run the appraisal of, their own application',
};
const NOT_ASSIGNED: RouteProblem = {
  status: 403,
  codes: ['APPRAISAL_NOT_ASSIGNED'],
  vi: 'Bạn không được phân công thẩm định đề án này',
  en: 'You are not assigned to appraise this application',
};
const CLOSED: RouteProblem = {
  status: 409,
  codes: ['APPRAISAL_CLOSED', 'APPRAISAL_APPLICATION_DECIDED'],
  vi: 'Thẩm định đã kết thúc, hoặc đề án đã có quyết định',
  en: 'The appraisal is closed, or the application has been decided',
};
const TEXT_INVALID: RouteProblem = {
  status: 400,
  codes: ['VALIDATION_FAILED'],
  vi: 'Nội dung không hợp lệ (nêu từng trường)',
  en: 'Invalid body (each field named)',
};

/**
 * The public routes of appraisal (thẩm định): fund officers join the appraiser roster, assign appraisers to a
 * submitted application and close the appraisal; appraisers declare a conflict of interest (or none) and score;
 * fund staff read the summary the approver decides on.
 */
export const AppraisalRoutes = defineRoutes(
  { service: 'funding', tag: 'funding-appraisal' },
  {
    joinAppraiserRoster: {
      method: 'POST',
      path: '/funding/appraisers/me',
      response: {
        status: 200,
        view: { one: AppraiserView },
        doc: { vi: 'Bạn trong danh sách thẩm định viên', en: 'You, on the appraiser roster' },
      },
      access: [Role.FundOfficer],
      problems: [],
      summary: {
        vi: 'Đăng ký sẵn sàng làm thẩm định viên (cán bộ quỹ)',
        en: 'Join the appraiser roster (fund officers)',
      },
      description: {
        vi: 'Dịch vụ quỹ chỉ biết một tài khoản là cán bộ quỹ qua mã truy cập của chính tài khoản đó: chỉ người đã đăng ký mới được phân công.',
        en: "Funding learns an account is a fund officer only from that account's own access token: only those on the roster can be assigned.",
      },
    },
    listMyAppraisals: {
      method: 'GET',
      path: '/funding/appraisals/mine',
      query: ListMyAppraisalsQueryDto,
      response: {
        status: 200,
        view: { page: MyAppraisalView },
        doc: { vi: 'Một trang phân công của bạn', en: 'A page of your assignments' },
      },
      access: [Role.FundOfficer],
      problems: [
        {
          status: 400,
          codes: ['VALIDATION_FAILED'],
          vi: 'Con trỏ trang không hợp lệ',
          en: 'Invalid page cursor',
        },
      ],
      summary: {
        vi: 'Các đề án bạn được phân công thẩm định, mới nhất trước',
        en: 'The applications you are assigned to appraise, newest first (appraisers)',
      },
    },
    assignAppraisers: {
      method: 'POST',
      path: '/funding/applications/:id/appraisal/assignments',
      params: ID,
      body: AssignAppraisersDto,
      response: {
        status: 200,
        view: { one: AppraisalView },
        doc: { vi: 'Thẩm định của đề án', en: 'The appraisal of the application' },
      },
      access: [Role.FundOfficer],
      problems: [
        NOT_FOUND,
        APPLICANT_EXCLUDED,
        CLOSED,
        {
          status: 409,
          codes: ['APPRAISAL_APPLICATION_NOT_APPRAISABLE', 'APPRAISER_ALREADY_ASSIGNED'],
          vi: 'Đề án chưa nộp hoặc không đủ điều kiện, hoặc thẩm định viên đã được phân công',
          en: 'The application is not submitted or not eligible, or the appraiser is already assigned',
        },
        {
          status: 422,
          codes: ['APPRAISAL_APPLICANT_AS_APPRAISER', 'APPRAISER_NOT_FUND_OFFICER'],
          vi: 'Người nộp đề án không thể là thẩm định viên; thẩm định viên phải là cán bộ quỹ trong danh sách',
          en: 'The applicant cannot be an appraiser; an appraiser must be a fund officer on the roster',
        },
        TEXT_INVALID,
      ],
      summary: {
        vi: 'Phân công thẩm định viên cho một đề án đã nộp',
        en: 'Assign appraisers to a submitted application (fund officers)',
      },
      description: {
        vi: 'Lần phân công đầu tiên mở thẩm định với bảng tiêu chí hiện tại của đợt.',
        en: "The first assignment opens the appraisal with the call's rubric as it is then.",
      },
    },
    declareConflict: {
      method: 'POST',
      path: '/funding/applications/:id/appraisal/declaration',
      params: ID,
      body: DeclareConflictDto,
      response: {
        status: 200,
        view: { one: AppraiserAssessmentView },
        doc: { vi: 'Phần thẩm định của bạn', en: 'Your part of the appraisal' },
      },
      access: [Role.FundOfficer],
      problems: [
        NOT_FOUND,
        NOT_ASSIGNED,
        CLOSED,
        {
          status: 409,
          codes: ['APPRAISAL_ALREADY_DECLARED'],
          vi: 'Bạn đã khai báo (chỉ khai một lần)',
          en: 'You have already declared (once only)',
        },
        TEXT_INVALID,
      ],
      summary: {
        vi: 'Khai báo không có xung đột lợi ích, hoặc xin rút (có lý do)',
        en: 'Declare no conflict of interest, or recuse with a reason (the appraiser)',
      },
      description: {
        vi: 'Chỉ sau khi khai không có xung đột lợi ích mới được chấm điểm. Khai một lần.',
        en: 'Only after declaring no conflict may the appraiser score. Declared once.',
      },
    },
    scoreAppraisal: {
      method: 'PUT',
      path: '/funding/applications/:id/appraisal/scores',
      params: ID,
      body: ScoreAppraisalDto,
      response: {
        status: 200,
        view: { one: AppraiserAssessmentView },
        doc: { vi: 'Phần thẩm định của bạn', en: 'Your part of the appraisal' },
      },
      access: [Role.FundOfficer],
      problems: [
        NOT_FOUND,
        NOT_ASSIGNED,
        CLOSED,
        {
          status: 409,
          codes: ['APPRAISAL_DECLARATION_REQUIRED', 'APPRAISAL_CONFLICT_DECLARED'],
          vi: 'Chưa khai báo xung đột lợi ích, hoặc đã rút vì xung đột',
          en: 'No declaration yet, or recused for a conflict of interest',
        },
        {
          status: 422,
          codes: [
            'APPRAISAL_SCORE_OUT_OF_SCALE',
            'APPRAISAL_UNKNOWN_CRITERION',
            'APPRAISAL_CRITERION_MISSING',
          ],
          vi: 'Điểm ngoài thang, tiêu chí không có trong bảng, hoặc thiếu tiêu chí (nêu từng trường)',
          en: 'A score off the scale, a criterion not in the rubric, or one left out (each field named)',
        },
        TEXT_INVALID,
      ],
      summary: {
        vi: 'Chấm điểm mọi tiêu chí (gửi lại để sửa, đến khi kết thúc)',
        en: 'Score every criterion (send again to revise, until closed) (the appraiser)',
      },
      description: {
        vi: 'Mỗi tiêu chí của đợt đúng một lần, điểm nguyên trong thang. Sửa được đến khi thẩm định kết thúc hoặc đề án có quyết định.',
        en: "Each of the call's criteria once, whole scores on its scale. Revisable until the appraisal is closed or the application decided.",
      },
    },
    closeAppraisal: {
      method: 'POST',
      path: '/funding/applications/:id/appraisal/close',
      params: ID,
      body: CloseAppraisalDto,
      response: {
        status: 200,
        view: { one: AppraisalView },
        doc: { vi: 'Thẩm định đã kết thúc', en: 'The closed appraisal' },
      },
      access: [Role.FundOfficer],
      problems: [NOT_FOUND, APPLICANT_EXCLUDED, CLOSED, TEXT_INVALID],
      summary: {
        vi: 'Kết thúc thẩm định: điểm trở thành chính thức',
        en: 'Close the appraisal: the scores become final (fund officers)',
      },
    },
    getAppraisal: {
      method: 'GET',
      path: '/funding/applications/:id/appraisal',
      params: ID,
      response: {
        status: 200,
        view: { one: AppraisalView },
        doc: { vi: 'Thẩm định và tổng hợp', en: 'The appraisal and its summary' },
      },
      access: [Role.FundOfficer, Role.FundApprover, Role.Admin],
      problems: [NOT_FOUND, APPLICANT_EXCLUDED],
      summary: {
        vi: 'Xem thẩm định: điểm bình quân gia quyền, độ phân tán, số người rút, nhận xét',
        en: 'Read the appraisal: weighted means, spread, recusals, comments (fund staff)',
      },
      description: {
        vi: 'Thẩm định viên chưa chấm không thấy điểm và nhận xét của người khác.',
        en: "An appraiser who has not scored yet does not see the others' scores and comments.",
      },
    },
  },
);
