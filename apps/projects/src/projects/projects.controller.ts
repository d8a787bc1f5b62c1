import { type AuthenticatedUser, CurrentUser } from '@khoinghiep/auth';
import {
  CreateProjectDto,
  type Page,
  PageQueryDto,
  type ProjectView,
  SubmitProjectDto,
  UpdateProjectDto,
  WithdrawProjectDto,
} from '@khoinghiep/contracts';
import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { callerOf } from '../common/caller.js';
import type { Project } from './project.entity.js';
import { toProjectView } from './project.mapper.js';
import { ProjectsService } from './projects.service.js';
import { etagOf, requiredVersionPrecondition, versionPrecondition } from './version-precondition.js';

/** Sends the project with its version as ETag, for the next `If-Match`. */
export function withEtag(response: Response, project: Project): ProjectView {
  response.setHeader('ETag', etagOf(project.version));
  return toProjectView(project);
}

@Controller('projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Post()
  async create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CreateProjectDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ProjectView> {
    const project = await this.projects.create(callerOf(user), body);
    response.location(`/api/v1/projects/${project.id}`);
    return withEtag(response, project);
  }

  @Get(':id')
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ProjectView> {
    return withEtag(response, await this.projects.get(callerOf(user), id));
  }

  @Patch(':id')
  async update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Body() body: UpdateProjectDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ProjectView> {
    const precondition = requiredVersionPrecondition(ifMatch, body.version);
    return withEtag(response, await this.projects.update(callerOf(user), id, body, precondition));
  }

  @Post(':id/submit')
  @HttpCode(200)
  async submit(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Body() body: SubmitProjectDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ProjectView> {
    const precondition = versionPrecondition(ifMatch, body.version, false);
    return withEtag(response, await this.projects.submit(callerOf(user), id, precondition));
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  async withdraw(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Body() body: WithdrawProjectDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ProjectView> {
    const precondition = versionPrecondition(ifMatch, body.version, false);
    return withEtag(response, await this.projects.withdraw(callerOf(user), id, body, precondition));
  }
}

@Controller('me/projects')
export class MyProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  /** The caller's own projects in every state, newest first. */
  @Get()
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: PageQueryDto,
  ): Promise<Page<ProjectView>> {
    const page = await this.projects.listMine(callerOf(user), query);
    return { items: page.items.map(toProjectView), nextCursor: page.nextCursor };
  }
}
