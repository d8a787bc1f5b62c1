import { Handles } from '@khoinghiep/api';
import { type AuthenticatedUser, CurrentUser } from '@khoinghiep/auth';
import {
  ListMatchesQueryDto,
  MarkMatchDto,
  type MatchMarkView,
  MatchRoutes,
  type Page,
  type ProjectMatchView,
} from '@khoinghiep/contracts';
import { Body, Controller, Param, Query } from '@nestjs/common';
import { InvestorMatchesService } from './investor-matches.service.js';
import { MatchMarksService } from './match-marks.service.js';

@Controller()
export class MatchesController {
  constructor(
    private readonly matches: InvestorMatchesService,
    private readonly marks: MatchMarksService,
  ) {}

  @Handles(MatchRoutes.listMyMatches)
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ListMatchesQueryDto,
  ): Promise<Page<ProjectMatchView>> {
    return this.matches.list(user, query);
  }

  @Handles(MatchRoutes.getMyMatch)
  one(
    @CurrentUser() user: AuthenticatedUser,
    @Param('projectId') projectId: string,
  ): Promise<ProjectMatchView> {
    return this.matches.one(user, projectId);
  }

  @Handles(MatchRoutes.markMatch)
  mark(
    @CurrentUser() user: AuthenticatedUser,
    @Param('projectId') projectId: string,
    @Body() body: MarkMatchDto,
  ): Promise<MatchMarkView> {
    return this.marks.mark(user, projectId, body);
  }

  @Handles(MatchRoutes.unmarkMatch)
  unmark(
    @CurrentUser() user: AuthenticatedUser,
    @Param('projectId') projectId: string,
  ): Promise<MatchMarkView> {
    return this.marks.unmark(user, projectId);
  }
}
