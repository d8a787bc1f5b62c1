import { Handles } from '@khoinghiep/api';
import { type AuthenticatedUser, CurrentUser } from '@khoinghiep/auth';
import {
  type Page,
  PageQueryDto,
  ProjectRoutes,
  type ProjectView,
  ReviewProjectDto,
  UnpublishProjectDto,
} from '@khoinghiep/contracts';
import { Body, Controller, Headers, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { callerOf } from '../common/caller.js';
import { toProjectView } from '../projects/project.mapper.js';
import { projectVersions } from '../projects/project-versions.js';
import { withEtag } from '../projects/projects.controller.js';
import { ReviewsService } from './reviews.service.js';

@Controller()
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  /** Submitted projects, the longest-waiting first (programme officers). */
  @Handles(ProjectRoutes.reviewQueue)
  async queue(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: PageQueryDto,
  ): Promise<Page<ProjectView>> {
    const page = await this.reviews.queue(callerOf(user), query);
    return { items: page.items.map(toProjectView), nextCursor: page.nextCursor };
  }

  @Handles(ProjectRoutes.reviewProject)
  async review(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Body() body: ReviewProjectDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ProjectView> {
    const precondition = projectVersions.precondition(ifMatch, body.version, false);
    return withEtag(response, await this.reviews.review(callerOf(user), id, body, precondition));
  }

  @Handles(ProjectRoutes.unpublishProject)
  async unpublish(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Body() body: UnpublishProjectDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ProjectView> {
    const precondition = projectVersions.precondition(ifMatch, body.version, false);
    return withEtag(response, await this.reviews.unpublish(callerOf(user), id, body, precondition));
  }
}
