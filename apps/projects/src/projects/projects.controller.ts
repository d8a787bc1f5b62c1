import { Handles } from '@khoinghiep/api';
import { type AuthenticatedUser, CurrentUser } from '@khoinghiep/auth';
import {
  CreateProjectDto,
  type Page,
  PageQueryDto,
  ProjectRoutes,
  type ProjectView,
  SubmitProjectDto,
  UpdateProjectDto,
  WithdrawProjectDto,
} from '@khoinghiep/contracts';
import { etagOf } from '@khoinghiep/http';
import { Body, Controller, Headers, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { callerOf } from '../common/caller.js';
import type { Project } from './project.entity.js';
import { toProjectView } from './project.mapper.js';
import { projectVersions } from './project-versions.js';
import { ProjectsService } from './projects.service.js';

/** Sends the project with its version as ETag, for the next `If-Match`. */
export function withEtag(response: Response, project: Project): ProjectView {
  response.setHeader('ETag', etagOf(project.version));
  return toProjectView(project);
}

@Controller()
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Handles(ProjectRoutes.createProject)
  async create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CreateProjectDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ProjectView> {
    const project = await this.projects.create(callerOf(user), body);
    response.location(`/api/v1/projects/${project.id}`);
    return withEtag(response, project);
  }

  @Handles(ProjectRoutes.getProject)
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ProjectView> {
    return withEtag(response, await this.projects.get(callerOf(user), id));
  }

  @Handles(ProjectRoutes.updateProject)
  async update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Body() body: UpdateProjectDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ProjectView> {
    const precondition = projectVersions.required(ifMatch, body.version);
    return withEtag(response, await this.projects.update(callerOf(user), id, body, precondition));
  }

  @Handles(ProjectRoutes.submitProject)
  async submit(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Body() body: SubmitProjectDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ProjectView> {
    const precondition = projectVersions.precondition(ifMatch, body.version, false);
    return withEtag(response, await this.projects.submit(callerOf(user), id, precondition));
  }

  @Handles(ProjectRoutes.withdrawProject)
  async withdraw(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Body() body: WithdrawProjectDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ProjectView> {
    const precondition = projectVersions.precondition(ifMatch, body.version, false);
    return withEtag(response, await this.projects.withdraw(callerOf(user), id, body, precondition));
  }
}

@Controller()
export class MyProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Handles(ProjectRoutes.myProjects)
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: PageQueryDto,
  ): Promise<Page<ProjectView>> {
    const page = await this.projects.listMine(callerOf(user), query);
    return { items: page.items.map(toProjectView), nextCursor: page.nextCursor };
  }
}
