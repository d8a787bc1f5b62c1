import { BAD_CURSOR } from '../http/common-problems.js';
import { defineRoutes, type PathParam, type RouteProblem } from '../http/define-route.js';
import { PageQueryDto } from '../projects/list-projects.query.js';
import { Role } from '../role.js';
import { ListMatchesQueryDto, MarkMatchDto } from './match.dto.js';
import {
  InvestorMatchView,
  MatchMarkView,
  ProjectInvestorMatchesView,
  ProjectMatchView,
} from './match.view.js';

const PROJECT_ID = {
  projectId: { format: 'uuid', doc: { vi: 'Mã dự án', en: 'Project id' } },
} as const satisfies Record<string, PathParam>;

const PROFILE_REQUIRED: RouteProblem = {
  status: 409,
  codes: ['INVESTOR_PROFILE_REQUIRED'],
  vi: 'Bạn chưa công bố hồ sơ nhà đầu tư (PUT /matching/investors/me/profile)',
  en: 'You have no published investor profile (PUT /matching/investors/me/profile)',
};
const PROJECT_NOT_FOUND: RouteProblem = {
  status: 404,
  codes: ['MATCH_PROJECT_NOT_FOUND'],
  vi: 'Không có dự án đã công bố này',
  en: 'No such published project',
};
const BAD_FILTER: RouteProblem = {
  status: 400,
  codes: ['VALIDATION_FAILED'],
  vi: 'Bộ lọc không hợp lệ, nêu từng tham số (lĩnh vực, giai đoạn, tỉnh, khoảng vốn, saved, limit)',
  en: 'Invalid filter, parameter by parameter (sector, stage, province, ticket range, saved, limit)',
};

/** How many investors `GET /me/investor-matches` shows for each project. */
export const TOP_INVESTORS_PER_PROJECT = 5;

const FOUNDER_PROJECT_NOT_FOUND: RouteProblem = {
  status: 404,
  codes: ['MATCH_PROJECT_NOT_FOUND'],
  vi: 'Không có dự án đã công bố này, hoặc không phải dự án của bạn',
  en: 'No such published project, or not yours',
};

/**
 * Matching read from both sides (matching service): an investor's ranked and explained projects and marks on them;
 * a founder's best-fitting investors for each published project.
 */
export const MatchRoutes = defineRoutes(
  { service: 'matching', tag: 'matching-matches' },
  {
    listMyMatches: {
      method: 'GET',
      path: '/matching/matches',
      query: ListMatchesQueryDto,
      response: {
        status: 200,
        view: { page: ProjectMatchView },
        doc: { vi: 'Một trang dự án phù hợp, điểm cao trước', en: 'A page of matched projects, best first' },
      },
      access: [Role.Investor],
      problems: [PROFILE_REQUIRED, BAD_FILTER, BAD_CURSOR],
      summary: {
        vi: 'Dự án phù hợp với hồ sơ của tôi, xếp hạng và giải thích',
        en: 'Projects matching my profile, ranked and explained (investors)',
      },
      description: {
        vi: 'Chỉ dự án đã công bố qua các điều kiện bắt buộc (ticket, lĩnh vực loại trừ, tỉnh giới hạn); điểm cao trước, cùng điểm theo mã dự án. Dự án đã ẩn không bao giờ xuất hiện. Mỗi mục có giải thích từng tiêu chí.',
        en: 'Only published projects that pass the hard filters (ticket, excluded sectors, restricted provinces); best score first, ties by project id. Hidden projects never appear. Each item is explained criterion by criterion.',
      },
    },
    getMyMatch: {
      method: 'GET',
      path: '/matching/matches/:projectId',
      params: PROJECT_ID,
      response: {
        status: 200,
        view: { one: ProjectMatchView },
        doc: {
          vi: 'Mức phù hợp của dự án, hoặc vì sao bị loại',
          en: "The project's match, or why it is excluded",
        },
      },
      access: [Role.Investor],
      problems: [PROFILE_REQUIRED, PROJECT_NOT_FOUND],
      summary: {
        vi: 'Giải thích mức phù hợp của một dự án',
        en: "One project's match, explained criterion by criterion (investors)",
      },
    },
    markMatch: {
      method: 'PUT',
      path: '/matching/matches/:projectId/mark',
      params: PROJECT_ID,
      body: MarkMatchDto,
      response: {
        status: 200,
        view: { one: MatchMarkView },
        doc: { vi: 'Đánh dấu hiện tại', en: 'The mark now' },
      },
      access: [Role.Investor],
      problems: [PROJECT_NOT_FOUND],
      summary: { vi: 'Lưu hoặc ẩn một dự án', en: 'Save or hide a project (investors)' },
      description: {
        vi: 'Gửi lại cùng nội dung không thay đổi gì; đánh dấu mới thay đánh dấu cũ.',
        en: 'Sending it again changes nothing; a new mark replaces the old one.',
      },
    },
    unmarkMatch: {
      method: 'DELETE',
      path: '/matching/matches/:projectId/mark',
      params: PROJECT_ID,
      response: {
        status: 200,
        view: { one: MatchMarkView },
        doc: { vi: 'Không còn đánh dấu (mark null)', en: 'No mark any more (mark null)' },
      },
      access: [Role.Investor],
      problems: [],
      summary: { vi: 'Bỏ lưu hoặc bỏ ẩn một dự án', en: 'Remove the mark on a project (investors)' },
      description: {
        vi: 'Gửi lại, hoặc khi chưa từng đánh dấu, vẫn trả về không có đánh dấu.',
        en: 'Sending it again, or when there was no mark, answers the same: no mark.',
      },
    },
    listProjectInvestors: {
      method: 'GET',
      path: '/matching/projects/:projectId/investors',
      params: PROJECT_ID,
      query: PageQueryDto,
      response: {
        status: 200,
        view: { page: InvestorMatchView },
        doc: {
          vi: 'Một trang nhà đầu tư phù hợp, điểm cao trước',
          en: 'A page of fitting investors, best first',
        },
      },
      access: [Role.Founder, Role.ProgrammeOfficer, Role.Admin],
      problems: [FOUNDER_PROJECT_NOT_FOUND, BAD_CURSOR],
      summary: {
        vi: 'Nhà đầu tư phù hợp với dự án (nhà sáng lập của dự án, cán bộ)',
        en: 'The investors whose profiles fit a project (its founder, officers)',
      },
      description: {
        vi: 'Chỉ hồ sơ đã công bố, thẻ công khai (không có thông tin liên hệ), giải thích từng tiêu chí. Nhà sáng lập khác nhận 404.',
        en: 'Published profiles only, as public cards (no contact details), explained criterion by criterion. Another founder gets a 404.',
      },
    },
    myInvestorMatches: {
      method: 'GET',
      path: '/me/investor-matches',
      response: {
        status: 200,
        view: { list: ProjectInvestorMatchesView },
        doc: {
          vi: `Mỗi dự án đã công bố của tôi với ${TOP_INVESTORS_PER_PROJECT} nhà đầu tư phù hợp nhất`,
          en: `Each of my published projects with its ${TOP_INVESTORS_PER_PROJECT} best-fitting investors`,
        },
      },
      access: [Role.Founder],
      problems: [],
      summary: {
        vi: 'Nhà đầu tư phù hợp với các dự án của tôi',
        en: 'Investors fitting my published projects (founders)',
      },
    },
  },
);
