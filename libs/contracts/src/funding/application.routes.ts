import { BAD_CURSOR, staleIfMatch } from '../http/common-problems.js';
import { defineRoutes, type PathParam, type RouteProblem } from '../http/define-route.js';
import { Role } from '../role.js';
import {
  CreateApplicationDto,
  ListApplicationsQueryDto,
  SubmitApplicationDto,
  UpdateApplicationDto,
  WithdrawApplicationDto,
} from './application.dto.js';
import { ApplicationView } from './application.view.js';

const STALE_IF_MATCH = staleIfMatch('APPLICATION', { vi: 'đề án', en: 'application' });

const ID = {
  id: { format: 'uuid', doc: { vi: 'Mã đề án', en: 'Application id' } },
} as const satisfies Record<string, PathParam>;

const NOT_FOUND: RouteProblem = {
  status: 404,
  codes: ['APPLICATION_NOT_FOUND'],
  vi: 'Không có, hoặc bạn không được xem',
  en: 'Does not exist, or you may not see it',
};
const OWNER_ONLY: RouteProblem = {
  status: 403,
  codes: ['APPLICATION_OWNER_ONLY'],
  vi: 'Không phải người nộp đề án',
  en: 'Not the applicant',
};
const ILLEGAL: RouteProblem = {
  status: 409,
  codes: ['APPLICATION_ILLEGAL_TRANSITION', 'APPLICATION_VERSION_STALE'],
  vi: 'Không thể ở trạng thái hiện tại (nêu trạng thái), hoặc version trong nội dung đã cũ',
  en: 'Not possible in the current state (named), or the body version is stale',
};
const BAD_IF_MATCH: RouteProblem = {
  status: 400,
  codes: ['APPLICATION_VERSION_INVALID', 'VALIDATION_FAILED'],
  vi: 'If-Match không phải một phiên bản, hoặc khoản dự toán sai (nêu trường)',
  en: 'If-Match is not a version, or a budget line is wrong (field named)',
};
const PROJECT_REFUSED: RouteProblem = {
  status: 409,
  codes: ['APPLICATION_PROJECT_UNKNOWN', 'APPLICATION_PROJECT_NOT_PUBLISHED', 'APPLICATION_DUPLICATE'],
  vi: 'Dự án chưa được công bố (hoặc quỹ chưa biết), hoặc dự án đã có đề án trong đợt này',
  en: 'The project is not published (or not known to funding yet), or already has an application in this call',
};
const PROJECT_NOT_YOURS: RouteProblem = {
  status: 403,
  codes: ['APPLICATION_PROJECT_NOT_YOURS'],
  vi: 'Dự án của người khác',
  en: "Another founder's project",
};
const CALL_REFUSED: RouteProblem = {
  status: 409,
  codes: ['APPLICATION_CALL_UNKNOWN', 'APPLICATION_CALL_NOT_OPEN'],
  vi: 'Đợt kêu gọi không có hoặc không đang mở',
  en: 'The call does not exist or is not open',
};
const INCOMPLETE: RouteProblem = {
  status: 422,
  codes: ['APPLICATION_INCOMPLETE'],
  vi: 'Đề án chưa đủ để nộp, hoặc vượt mức trần hỗ trợ (nêu từng trường)',
  en: 'The application is incomplete, or over a support ceiling (each field named)',
};
const CHANGE = [NOT_FOUND, OWNER_ONLY, ILLEGAL, STALE_IF_MATCH, BAD_IF_MATCH] as const;
const THE_APPLICATION = {
  status: 200,
  view: { one: ApplicationView },
  headers: ['ETag'],
  doc: { vi: 'Đề án; ETag = phiên bản', en: 'The application; ETag = its version' },
} as const;

/** The public routes of applications (đề án): draft, edit, submit (with eligibility), withdraw, read, list. */
export const ApplicationRoutes = defineRoutes(
  { service: 'funding', tag: 'funding-applications' },
  {
    createApplication: {
      method: 'POST',
      path: '/funding/applications',
      body: CreateApplicationDto,
      response: {
        status: 201,
        view: { one: ApplicationView },
        headers: ['ETag', 'Location'],
        doc: { vi: 'Đề án nháp; ETag = phiên bản', en: 'The draft; ETag = its version' },
      },
      access: [Role.Founder],
      problems: [PROJECT_REFUSED, PROJECT_NOT_YOURS, CALL_REFUSED],
      summary: {
        vi: 'Lập đề án nháp cho một dự án đã công bố của bạn',
        en: 'Draft an application for one of your published projects (founders)',
      },
      description: {
        vi: 'Dự án phải là của bạn và đã được công bố; đợt phải đang mở; nội dung hỗ trợ phải thuộc đợt.',
        en: "The project must be yours and published; the call must be open; categories must be the call's.",
      },
    },
    listApplications: {
      method: 'GET',
      path: '/funding/applications',
      query: ListApplicationsQueryDto,
      response: {
        status: 200,
        view: { page: ApplicationView },
        doc: { vi: 'Một trang đề án', en: 'A page of applications' },
      },
      access: 'signed-in',
      problems: [BAD_CURSOR],
      summary: {
        vi: 'Đề án: của tôi (nhà sáng lập) hoặc tất cả (cán bộ quỹ), theo đợt',
        en: 'Applications: my own (founders) or all of them (fund staff), per call',
      },
      description: {
        vi: 'Mới nhất trước, phân trang bằng con trỏ. Nhà sáng lập chỉ thấy đề án của mình.',
        en: 'Newest first, cursor pages. A founder sees only their own.',
      },
    },
    getApplication: {
      method: 'GET',
      path: '/funding/applications/:id',
      params: ID,
      response: THE_APPLICATION,
      access: 'signed-in',
      problems: [NOT_FOUND],
      summary: {
        vi: 'Xem một đề án, kèm kết quả xét điều kiện',
        en: 'Read an application with its eligibility explained',
      },
    },
    updateApplication: {
      method: 'PATCH',
      path: '/funding/applications/:id',
      params: ID,
      body: UpdateApplicationDto,
      requestHeaders: ['If-Match'],
      response: THE_APPLICATION,
      access: [Role.Founder],
      problems: [
        ...CHANGE,
        CALL_REFUSED,
        {
          status: 428,
          codes: ['APPLICATION_VERSION_REQUIRED'],
          vi: 'Thiếu phiên bản (If-Match hoặc version)',
          en: 'Version required (If-Match or version)',
        },
      ],
      summary: { vi: 'Sửa đề án nháp', en: 'Edit a draft application (its applicant)' },
      description: {
        vi: 'Chỉ các trường gửi lên thay đổi; danh sách được thay cả. Cần phiên bản; phiên bản cũ bị từ chối.',
        en: 'Only the fields sent change; lists are replaced whole. Needs the version; a stale one is refused.',
      },
    },
    submitApplication: {
      method: 'POST',
      path: '/funding/applications/:id/submit',
      params: ID,
      body: SubmitApplicationDto,
      requestHeaders: ['If-Match'],
      response: THE_APPLICATION,
      access: [Role.Founder],
      problems: [...CHANGE, CALL_REFUSED, INCOMPLETE, PROJECT_REFUSED],
      summary: {
        vi: 'Nộp đề án; xét điều kiện ngay, từng điều kiện có giải thích',
        en: 'Submit; eligibility is checked at once and explained rule by rule',
      },
      description: {
        vi: 'Đề án không đủ điều kiện vẫn được nộp nhưng được đánh dấu và không thể được phê duyệt.',
        en: 'An ineligible application is still submitted, marked ineligible, and can never be approved.',
      },
    },
    withdrawApplication: {
      method: 'POST',
      path: '/funding/applications/:id/withdraw',
      params: ID,
      body: WithdrawApplicationDto,
      requestHeaders: ['If-Match'],
      response: THE_APPLICATION,
      access: [Role.Founder],
      problems: CHANGE,
      summary: { vi: 'Rút đề án', en: 'Withdraw an application (its applicant)' },
    },
  },
);
