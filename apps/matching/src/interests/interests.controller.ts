import { Handles } from '@khoinghiep/api';
import { type AuthenticatedUser, CurrentUser } from '@khoinghiep/auth';
import {
  AcceptInterestDto,
  DeclineInterestDto,
  ExpressInterestDto,
  InterestRoutes,
  type InterestView,
  ListInterestsQueryDto,
  type Page,
} from '@khoinghiep/contracts';
import { Body, Controller, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { toInterestView } from './interest.mapper.js';
import { callerOf } from './interest-access.policy.js';
import { InterestsService } from './interests.service.js';

@Controller()
export class InterestsController {
  constructor(private readonly interests: InterestsService) {}

  @Handles(InterestRoutes.expressInterest)
  async express(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: ExpressInterestDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<InterestView> {
    const interest = await this.interests.express(callerOf(user), body);
    response.location(`/api/v1/matching/interests/${interest.id}`);
    return toInterestView(interest);
  }

  @Handles(InterestRoutes.listInterests)
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ListInterestsQueryDto,
  ): Promise<Page<InterestView>> {
    const page = await this.interests.list(callerOf(user), query);
    return { items: page.items.map(toInterestView), nextCursor: page.nextCursor };
  }

  @Handles(InterestRoutes.getInterest)
  async get(@CurrentUser() user: AuthenticatedUser, @Param('interestId') id: string): Promise<InterestView> {
    return toInterestView(await this.interests.get(callerOf(user), id));
  }

  @Handles(InterestRoutes.acceptInterest)
  async accept(
    @CurrentUser() user: AuthenticatedUser,
    @Param('interestId') id: string,
    @Body() body: AcceptInterestDto,
  ): Promise<InterestView> {
    return toInterestView(await this.interests.accept(callerOf(user), id, body));
  }

  @Handles(InterestRoutes.declineInterest)
  async decline(
    @CurrentUser() user: AuthenticatedUser,
    @Param('interestId') id: string,
    @Body() body: DeclineInterestDto,
  ): Promise<InterestView> {
    return toInterestView(await this.interests.decline(callerOf(user), id, body));
  }

  @Handles(InterestRoutes.withdrawInterest)
  async withdraw(
    @CurrentUser() user: AuthenticatedUser,
    @Param('interestId') id: string,
  ): Promise<InterestView> {
    return toInterestView(await this.interests.withdraw(callerOf(user), id));
  }
}
