import { Handles } from '@khoinghiep/api';
import { type AuthenticatedUser, CurrentUser } from '@khoinghiep/auth';
import {
  ApplicationRoutes,
  type ApplicationView,
  CreateApplicationDto,
  ListApplicationsQueryDto,
  type Page,
  SubmitApplicationDto,
  UpdateApplicationDto,
  WithdrawApplicationDto,
} from '@khoinghiep/contracts';
import { etagOf } from '@khoinghiep/http';
import { Body, Controller, Headers, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { toApplicationView } from './application.mapper.js';
import type { Caller } from './application-access.policy.js';
import type { ApplicationAggregate } from './application-aggregate.js';
import { applicationVersions } from './application-versions.js';
import { ApplicationsService } from './applications.service.js';

const callerOf = (user: AuthenticatedUser): Caller => ({ userId: user.id, roles: user.roles });

/** Sends the application with its version as ETag, for the next `If-Match`. */
function withEtag(response: Response, aggregate: ApplicationAggregate): ApplicationView {
  response.setHeader('ETag', etagOf(aggregate.application.version));
  return toApplicationView(aggregate);
}

@Controller()
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Handles(ApplicationRoutes.createApplication)
  async create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CreateApplicationDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ApplicationView> {
    const aggregate = await this.applications.create(callerOf(user), body);
    response.location(`/api/v1/funding/applications/${aggregate.application.id}`);
    return withEtag(response, aggregate);
  }

  @Handles(ApplicationRoutes.listApplications)
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ListApplicationsQueryDto,
  ): Promise<Page<ApplicationView>> {
    const page = await this.applications.list(callerOf(user), query);
    return { items: page.items.map(toApplicationView), nextCursor: page.nextCursor };
  }

  @Handles(ApplicationRoutes.getApplication)
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ApplicationView> {
    return withEtag(response, await this.applications.get(callerOf(user), id));
  }

  @Handles(ApplicationRoutes.updateApplication)
  async update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Body() body: UpdateApplicationDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ApplicationView> {
    const precondition = applicationVersions.required(ifMatch, body.version);
    return withEtag(response, await this.applications.update(callerOf(user), id, body, precondition));
  }

  @Handles(ApplicationRoutes.submitApplication)
  async submit(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Body() body: SubmitApplicationDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ApplicationView> {
    const precondition = applicationVersions.precondition(ifMatch, body.version, false);
    return withEtag(response, await this.applications.submit(callerOf(user), id, precondition));
  }

  @Handles(ApplicationRoutes.withdrawApplication)
  async withdraw(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Body() body: WithdrawApplicationDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ApplicationView> {
    const precondition = applicationVersions.precondition(ifMatch, body.version, false);
    return withEtag(response, await this.applications.withdraw(callerOf(user), id, body, precondition));
  }
}
