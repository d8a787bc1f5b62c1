import { Public, Roles } from '@khoinghiep/auth';
import {
  type Page,
  type ProjectHistoryEntryView,
  type ProjectView,
  type ProvinceView,
  Role,
} from '@khoinghiep/contracts';
import type { ServiceResponse } from '@khoinghiep/http';
import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiGatewayTimeoutResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPreconditionFailedResponse,
  ApiResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ServiceDirectory } from '../gateway-proxy/service-directory.js';
import {
  CreateProjectBody,
  ListProjectsQuery,
  PageQuery,
  ReviewProjectBody,
  SubmitProjectBody,
  UnpublishProjectBody,
  UpdateProjectBody,
  WithdrawProjectBody,
} from './project-bodies.dto.js';
import { ProjectHistoryPage, ProjectPage, ProjectResponse, ProvinceResponse } from './project-views.dto.js';

const IF_MATCH = {
  name: 'If-Match',
  required: false,
  description:
    'Phiên bản dựa vào, dạng "3" (ETag của lần đọc trước) / Version the change is based on, e.g. "3" (the ETag last read)',
};
const ID = { name: 'id', format: 'uuid', description: 'Mã dự án / Project id' };
const NOT_FOUND = 'Không có, hoặc bạn không được xem / Does not exist, or you may not see it (problem+json)';
const ILLEGAL =
  'Không thể ở trạng thái hiện tại (nêu trạng thái) / Not possible in the current state (named)';

/** The projects service's path for a project. */
const projectPath = (id: string, suffix = '') => `/api/v1/projects/${encodeURIComponent(id)}${suffix}`;

/** Passes the service's ETag and Location on, so clients can use If-Match and follow creations. */
function relay<T>(response: Response, upstream: ServiceResponse<T>): T {
  const etag = upstream.headers.get('etag');
  if (etag) response.setHeader('ETag', etag);
  const location = upstream.headers.get('location');
  if (location) response.location(location);
  return upstream.body;
}

const ifMatchHeader = (ifMatch: string | undefined): Record<string, string> =>
  ifMatch ? { 'if-match': ifMatch } : {};

/**
 * Ideas and startup projects: founders create and submit, programme officers review and publish, every signed-in
 * user browses the published ones. Bodies are validated here and again by the projects service, which also checks
 * ownership and visibility; roles are checked at both.
 */
@ApiTags('projects')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Thiếu hoặc sai mã truy cập / Missing or invalid access token' })
@ApiServiceUnavailableResponse({ description: 'Dịch vụ dự án không khả dụng / Projects service unavailable' })
@ApiGatewayTimeoutResponse({ description: 'Dịch vụ dự án không phản hồi kịp / Projects service timed out' })
@Controller()
export class ProjectsGatewayController {
  constructor(private readonly services: ServiceDirectory) {}

  /** A state change of one project: body and If-Match go to the service, its ETag comes back. */
  private async transition(
    id: string,
    action: 'submit' | 'withdraw' | 'review' | 'unpublish',
    body: object,
    ifMatch: string | undefined,
    response: Response,
  ): Promise<ProjectView> {
    const upstream = await this.services.projects.post<ProjectView>(projectPath(id, `/${action}`), body, {
      headers: ifMatchHeader(ifMatch),
    });
    return relay(response, upstream);
  }

  @ApiOperation({ summary: 'Tạo dự án nháp / Create a draft project (founders)' })
  @ApiCreatedResponse({
    type: ProjectResponse,
    description: 'Dự án nháp; ETag = phiên bản / The draft; ETag = version',
  })
  @ApiBadRequestResponse({
    description: 'Dữ liệu không hợp lệ, nêu từng trường / Invalid fields, each named',
  })
  @ApiForbiddenResponse({ description: 'Chỉ nhà sáng lập / Founders only' })
  @Roles(Role.Founder)
  @Post('projects')
  async create(
    @Body() body: CreateProjectBody,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ProjectView> {
    return relay(response, await this.services.projects.post<ProjectView>('/api/v1/projects', body));
  }

  @ApiOperation({
    summary: 'Duyệt và tìm dự án đã công bố / Browse and search published projects',
    description:
      'Mới công bố trước, thứ tự ổn định, phân trang bằng con trỏ. Tìm theo từ, không phân biệt dấu. / Newest publication first, stable order, cursor pagination; search ignores diacritics.',
  })
  @ApiOkResponse({ type: ProjectPage })
  @ApiBadRequestResponse({ description: 'Bộ lọc không hợp lệ / Invalid filter' })
  @Get('projects')
  async list(@Query() query: ListProjectsQuery): Promise<Page<ProjectView>> {
    return (await this.services.projects.get<Page<ProjectView>>('/api/v1/projects', { query: { ...query } }))
      .body;
  }

  @ApiOperation({ summary: 'Hàng chờ thẩm định, nộp sớm nhất trước / Review queue, oldest first (officers)' })
  @ApiOkResponse({ type: ProjectPage })
  @ApiForbiddenResponse({ description: 'Chỉ cán bộ / Officers only' })
  @Roles(Role.ProgrammeOfficer, Role.Admin)
  @Get('projects/review-queue')
  async reviewQueue(@Query() query: PageQuery): Promise<Page<ProjectView>> {
    return (
      await this.services.projects.get<Page<ProjectView>>('/api/v1/projects/review-queue', {
        query: { ...query },
      })
    ).body;
  }

  @ApiOperation({ summary: 'Xem một dự án / Read a project' })
  @ApiParam(ID)
  @ApiOkResponse({ type: ProjectResponse, headers: { ETag: { description: 'Phiên bản / Version' } } })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @Get('projects/:id')
  async get(@Param('id') id: string, @Res({ passthrough: true }) response: Response): Promise<ProjectView> {
    return relay(response, await this.services.projects.get<ProjectView>(projectPath(id)));
  }

  @ApiOperation({
    summary: 'Sửa dự án nháp hoặc đang cần chỉnh sửa / Edit a draft or a project sent back (its founder)',
    description:
      'Chỉ các trường gửi lên thay đổi. Cần phiên bản (If-Match hoặc version); phiên bản cũ bị từ chối. / Only the fields sent change; needs the version (If-Match or version); a stale one is refused.',
  })
  @ApiParam(ID)
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: ProjectResponse })
  @ApiBadRequestResponse({ description: 'Dữ liệu không hợp lệ / Invalid fields' })
  @ApiForbiddenResponse({ description: 'Không phải chủ dự án / Not the founder' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: `${ILLEGAL}; hoặc version cũ / or a stale body version` })
  @ApiPreconditionFailedResponse({ description: 'If-Match cũ / Stale If-Match' })
  @ApiResponse({ status: 428, description: 'Thiếu phiên bản / Version required' })
  @Roles(Role.Founder)
  @Patch('projects/:id')
  async update(
    @Param('id') id: string,
    @Body() body: UpdateProjectBody,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ProjectView> {
    const upstream = await this.services.projects.patch<ProjectView>(projectPath(id), body, {
      headers: ifMatchHeader(ifMatch),
    });
    return relay(response, upstream);
  }

  @ApiOperation({ summary: 'Nộp dự án để thẩm định / Submit for review (its founder)' })
  @ApiParam(ID)
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: ProjectResponse })
  @ApiForbiddenResponse({ description: 'Không phải chủ dự án / Not the founder' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: ILLEGAL })
  @Roles(Role.Founder)
  @HttpCode(200)
  @Post('projects/:id/submit')
  async submit(
    @Param('id') id: string,
    @Body() body: SubmitProjectBody,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ProjectView> {
    return this.transition(id, 'submit', body, ifMatch, response);
  }

  @ApiOperation({ summary: 'Rút dự án / Withdraw a project (its founder)' })
  @ApiParam(ID)
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: ProjectResponse })
  @ApiForbiddenResponse({ description: 'Không phải chủ dự án / Not the founder' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: ILLEGAL })
  @Roles(Role.Founder)
  @HttpCode(200)
  @Post('projects/:id/withdraw')
  async withdraw(
    @Param('id') id: string,
    @Body() body: WithdrawProjectBody,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ProjectView> {
    return this.transition(id, 'withdraw', body, ifMatch, response);
  }

  @ApiOperation({
    summary:
      'Thẩm định: công bố, trả lại để sửa, hoặc từ chối / Review: approve (publish), request a revision, or reject',
  })
  @ApiParam(ID)
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: ProjectResponse })
  @ApiBadRequestResponse({ description: 'Thiếu nhận xét khi trả lại/từ chối / Comment missing' })
  @ApiForbiddenResponse({ description: 'Chỉ cán bộ chương trình / Programme officers only' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: ILLEGAL })
  @Roles(Role.ProgrammeOfficer)
  @HttpCode(200)
  @Post('projects/:id/review')
  async review(
    @Param('id') id: string,
    @Body() body: ReviewProjectBody,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ProjectView> {
    return this.transition(id, 'review', body, ifMatch, response);
  }

  @ApiOperation({ summary: 'Gỡ công bố, nêu lý do / Unpublish, with a reason (officers)' })
  @ApiParam(ID)
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: ProjectResponse })
  @ApiForbiddenResponse({ description: 'Chỉ cán bộ chương trình / Programme officers only' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: ILLEGAL })
  @Roles(Role.ProgrammeOfficer)
  @HttpCode(200)
  @Post('projects/:id/unpublish')
  async unpublish(
    @Param('id') id: string,
    @Body() body: UnpublishProjectBody,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ProjectView> {
    return this.transition(id, 'unpublish', body, ifMatch, response);
  }

  @ApiOperation({
    summary: 'Lịch sử thay đổi: ai, khi nào, vì sao / History: who, when and why, oldest first',
  })
  @ApiParam(ID)
  @ApiOkResponse({ type: ProjectHistoryPage })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @Get('projects/:id/history')
  async history(@Param('id') id: string, @Query() query: PageQuery): Promise<Page<ProjectHistoryEntryView>> {
    return (
      await this.services.projects.get<Page<ProjectHistoryEntryView>>(projectPath(id, '/history'), {
        query: { ...query },
      })
    ).body;
  }

  @ApiOperation({ summary: 'Dự án của tôi, mọi trạng thái / My projects in every state, newest first' })
  @ApiOkResponse({ type: ProjectPage })
  @Get('me/projects')
  async mine(@Query() query: PageQuery): Promise<Page<ProjectView>> {
    return (
      await this.services.projects.get<Page<ProjectView>>('/api/v1/me/projects', { query: { ...query } })
    ).body;
  }

  @ApiOperation({
    summary: '34 tỉnh, thành phố từ 1/7/2025 / The 34 provinces and cities in force since 1 July 2025',
  })
  @ApiOkResponse({ type: ProvinceResponse, isArray: true })
  @Public()
  @Get('reference/provinces')
  async provinces(): Promise<ProvinceView[]> {
    return (
      await this.services.projects.get<ProvinceView[]>('/api/v1/reference/provinces', { authorization: null })
    ).body;
  }
}
