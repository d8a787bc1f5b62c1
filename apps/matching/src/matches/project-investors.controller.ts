import { Handles } from '@khoinghiep/api';
import { type AuthenticatedUser, CurrentUser } from '@khoinghiep/auth';
import {
  type InvestorMatchView,
  MatchRoutes,
  type Page,
  PageQueryDto,
  type ProjectInvestorMatchesView,
} from '@khoinghiep/contracts';
import { Controller, Param, Query } from '@nestjs/common';
import { ProjectInvestorsService } from './project-investors.service.js';

@Controller()
export class ProjectInvestorsController {
  constructor(private readonly investors: ProjectInvestorsService) {}

  @Handles(MatchRoutes.listProjectInvestors)
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Param('projectId') projectId: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<InvestorMatchView>> {
    return this.investors.list(user, projectId, query);
  }

  @Handles(MatchRoutes.myInvestorMatches)
  mine(@CurrentUser() user: AuthenticatedUser): Promise<ProjectInvestorMatchesView[]> {
    return this.investors.mine(user);
  }
}
