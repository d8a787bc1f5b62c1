import { Handles } from '@khoinghiep/api';
import { type AuthenticatedUser, CurrentUser } from '@khoinghiep/auth';
import {
  IntroductionRoutes,
  type IntroductionSummaryView,
  type IntroductionView,
  type Page,
  PageQueryDto,
  RecordPipelineStatusDto,
} from '@khoinghiep/contracts';
import { Body, Controller, Param, Query } from '@nestjs/common';
import { callerOf } from '../interests/interest-access.policy.js';
import { toIntroductionSummaryView, toIntroductionView } from './introduction.mapper.js';
import { IntroductionsService } from './introductions.service.js';

@Controller()
export class IntroductionsController {
  constructor(private readonly introductions: IntroductionsService) {}

  @Handles(IntroductionRoutes.listIntroductions)
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: PageQueryDto,
  ): Promise<Page<IntroductionSummaryView>> {
    const page = await this.introductions.list(callerOf(user), query);
    return { items: page.items.map(toIntroductionSummaryView), nextCursor: page.nextCursor };
  }

  @Handles(IntroductionRoutes.getIntroduction)
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('introductionId') id: string,
  ): Promise<IntroductionView> {
    const caller = callerOf(user);
    const { introduction, pipeline } = await this.introductions.get(caller, id);
    return toIntroductionView(introduction, pipeline, caller);
  }

  @Handles(IntroductionRoutes.recordPipelineStatus)
  async recordPipelineStatus(
    @CurrentUser() user: AuthenticatedUser,
    @Param('introductionId') id: string,
    @Body() body: RecordPipelineStatusDto,
  ): Promise<IntroductionView> {
    const caller = callerOf(user);
    const { introduction, pipeline } = await this.introductions.recordPipelineStatus(caller, id, body);
    return toIntroductionView(introduction, pipeline, caller);
  }
}
