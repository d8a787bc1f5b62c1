import { BAD_CURSOR, badIfMatch, staleIfMatch } from '../http/common-problems.js';
import { defineRoutes, type PathParam, type RouteProblem } from '../http/define-route.js';
import { Role } from '../role.js';
import { CreateProjectDto } from './create-project.dto.js';
import { ListProjectsQueryDto, PageQueryDto } from './list-projects.query.js';
import { ProjectHistoryEntryView, ProjectView, ProvinceView } from './project.view.js';
import {
  ReviewProjectDto,
  SubmitProjectDto,
  UnpublishProjectDto,
  WithdrawProjectDto,
} from './project-commands.dto.js';
import { UpdateProjectDto } from './update-project.dto.js';

const STALE_IF_MATCH = staleIfMatch('PROJECT', { vi: 'dự án', en: 'project' });
const BAD_IF_MATCH = badIfMatch('PROJECT');

const ID = { id: { format: 'uuid', doc: { vi: 'Mã dự án', en: 'Project id' } } } as const satisfies Record<
  string,
  PathParam
>;

const NOT_FOUND: RouteProblem = {
  status: 404,
  codes: ['PROJECT_NOT_FOUND'],
  vi: 'Không có, hoặc bạn không được xem',
  en: 'Does not exist, or you may not see it',
};
const OWNER_ONLY: RouteProblem = {
  status: 403,
  codes: ['PROJECT_OWNER_ONLY'],
  vi: 'Không phải chủ dự án',
  en: 'Not the founder of the project',
};
const ILLEGAL: RouteProblem = {
  status: 409,
  codes: ['PROJECT_ILLEGAL_TRANSITION', 'PROJECT_VERSION_STALE'],
  vi: 'Không thể ở trạng thái hiện tại (nêu trạng thái), hoặc version trong nội dung đã cũ',
  en: 'Not possible in the current state (named), or the body version is stale',
};
/** Problems of every change to one project that reads If-Match. */
const CHANGE = [NOT_FOUND, ILLEGAL, STALE_IF_MATCH, BAD_IF_MATCH] as const;
const THE_PROJECT = {
  status: 200,
  view: { one: ProjectView },
  headers: ['ETag'],
  doc: { vi: 'Dự án; ETag = phiên bản', en: 'The project; ETag = its version' },
} as const;
const A_PAGE = { vi: 'Một trang dự án', en: 'A page of projects' } as const;

/** The public routes of the projects service: ideas and startup projects, their review and publication. */
export const ProjectRoutes = defineRoutes(
  { service: 'projects', tag: 'projects' },
  {
    createProject: {
      method: 'POST',
      path: '/projects',
      body: CreateProjectDto,
      response: {
        status: 201,
        view: { one: ProjectView },
        headers: ['ETag', 'Location'],
        doc: { vi: 'Dự án nháp; ETag = phiên bản', en: 'The draft; ETag = its version' },
      },
      access: [Role.Founder],
      problems: [],
      summary: { vi: 'Tạo dự án nháp', en: 'Create a draft project (founders)' },
    },
    listProjects: {
      method: 'GET',
      path: '/projects',
      query: ListProjectsQueryDto,
      response: { status: 200, view: { page: ProjectView }, doc: A_PAGE },
      access: 'signed-in',
      problems: [BAD_CURSOR],
      summary: { vi: 'Duyệt và tìm dự án đã công bố', en: 'Browse and search published projects' },
      description: {
        vi: 'Mới công bố trước, thứ tự ổn định, phân trang bằng con trỏ. Tìm theo từ, không phân biệt dấu.',
        en: 'Newest publication first, stable order, cursor pagination; search ignores diacritics.',
      },
    },
    reviewQueue: {
      method: 'GET',
      path: '/projects/review-queue',
      query: PageQueryDto,
      response: { status: 200, view: { page: ProjectView }, doc: A_PAGE },
      access: [Role.ProgrammeOfficer, Role.Admin],
      problems: [BAD_CURSOR],
      summary: { vi: 'Hàng chờ thẩm định, nộp sớm nhất trước', en: 'Review queue, oldest first (officers)' },
    },
    getProject: {
      method: 'GET',
      path: '/projects/:id',
      params: ID,
      response: THE_PROJECT,
      access: 'signed-in',
      problems: [NOT_FOUND],
      summary: { vi: 'Xem một dự án', en: 'Read a project' },
    },
    updateProject: {
      method: 'PATCH',
      path: '/projects/:id',
      params: ID,
      body: UpdateProjectDto,
      requestHeaders: ['If-Match'],
      response: THE_PROJECT,
      access: [Role.Founder],
      problems: [
        ...CHANGE,
        OWNER_ONLY,
        {
          status: 428,
          codes: ['PROJECT_VERSION_REQUIRED'],
          vi: 'Thiếu phiên bản (If-Match hoặc version)',
          en: 'Version required (If-Match or version)',
        },
      ],
      summary: {
        vi: 'Sửa dự án nháp hoặc đang cần chỉnh sửa',
        en: 'Edit a draft or a project sent back (its founder)',
      },
      description: {
        vi: 'Chỉ các trường gửi lên thay đổi. Cần phiên bản (If-Match hoặc version); phiên bản cũ bị từ chối.',
        en: 'Only the fields sent change; needs the version (If-Match or version); a stale one is refused.',
      },
    },
    submitProject: {
      method: 'POST',
      path: '/projects/:id/submit',
      params: ID,
      body: SubmitProjectDto,
      requestHeaders: ['If-Match'],
      response: THE_PROJECT,
      access: [Role.Founder],
      problems: [...CHANGE, OWNER_ONLY],
      summary: { vi: 'Nộp dự án để thẩm định', en: 'Submit for review (its founder)' },
    },
    withdrawProject: {
      method: 'POST',
      path: '/projects/:id/withdraw',
      params: ID,
      body: WithdrawProjectDto,
      requestHeaders: ['If-Match'],
      response: THE_PROJECT,
      access: [Role.Founder],
      problems: [...CHANGE, OWNER_ONLY],
      summary: { vi: 'Rút dự án', en: 'Withdraw a project (its founder)' },
    },
    reviewProject: {
      method: 'POST',
      path: '/projects/:id/review',
      params: ID,
      body: ReviewProjectDto,
      requestHeaders: ['If-Match'],
      response: THE_PROJECT,
      access: [Role.ProgrammeOfficer],
      problems: CHANGE,
      summary: {
        vi: 'Thẩm định: công bố, trả lại để sửa, hoặc từ chối',
        en: 'Review: approve (publish), request a revision, or reject',
      },
    },
    unpublishProject: {
      method: 'POST',
      path: '/projects/:id/unpublish',
      params: ID,
      body: UnpublishProjectDto,
      requestHeaders: ['If-Match'],
      response: THE_PROJECT,
      access: [Role.ProgrammeOfficer],
      problems: CHANGE,
      summary: { vi: 'Gỡ công bố, nêu lý do', en: 'Unpublish, with a reason (officers)' },
    },
    projectHistory: {
      method: 'GET',
      path: '/projects/:id/history',
      params: ID,
      query: PageQueryDto,
      response: {
        status: 200,
        view: { page: ProjectHistoryEntryView },
        doc: { vi: 'Một trang lịch sử', en: 'A page of history' },
      },
      access: 'signed-in',
      problems: [NOT_FOUND, BAD_CURSOR],
      summary: {
        vi: 'Lịch sử thay đổi: ai, khi nào, vì sao',
        en: 'History: who, when and why, oldest first',
      },
    },
    myProjects: {
      method: 'GET',
      path: '/me/projects',
      query: PageQueryDto,
      response: { status: 200, view: { page: ProjectView }, doc: A_PAGE },
      access: 'signed-in',
      problems: [BAD_CURSOR],
      summary: { vi: 'Dự án của tôi, mọi trạng thái', en: 'My projects in every state, newest first' },
    },
    listProvinces: {
      method: 'GET',
      path: '/reference/provinces',
      response: {
        status: 200,
        view: { list: ProvinceView },
        doc: { vi: '34 tỉnh, thành phố', en: 'The 34 provinces and cities' },
      },
      access: 'public',
      problems: [],
      summary: {
        vi: '34 tỉnh, thành phố từ 1/7/2025',
        en: 'The 34 provinces and cities in force since 1 July 2025',
      },
    },
  },
);
