import { Handles } from '@khoinghiep/api';
import { type AuthenticatedUser, CurrentUser } from '@khoinghiep/auth';
import {
  CreateFundDto,
  FundRoutes,
  type FundView,
  type Page,
  PageQueryDto,
  UpdateFundDto,
} from '@khoinghiep/contracts';
import { etagOf } from '@khoinghiep/http';
import { Body, Controller, Headers, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { callerOf } from '../calls/caller.js';
import type { Fund } from './fund.entity.js';
import { toFundView } from './fund.mapper.js';
import { fundVersions } from './fund-versions.js';
import { FundsService } from './funds.service.js';

function withEtag(response: Response, fund: Fund): FundView {
  response.setHeader('ETag', etagOf(fund.version));
  return toFundView(fund);
}

@Controller()
export class FundsController {
  constructor(private readonly funds: FundsService) {}

  @Handles(FundRoutes.createFund)
  async create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CreateFundDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<FundView> {
    const fund = await this.funds.create(callerOf(user), body);
    response.location(`/api/v1/funding/funds/${fund.id}`);
    return withEtag(response, fund);
  }

  @Handles(FundRoutes.listFunds)
  async list(@Query() query: PageQueryDto): Promise<Page<FundView>> {
    const page = await this.funds.list(query);
    return { items: page.items.map(toFundView), nextCursor: page.nextCursor };
  }

  @Handles(FundRoutes.getFund)
  async get(@Param('id') id: string, @Res({ passthrough: true }) response: Response): Promise<FundView> {
    return withEtag(response, await this.funds.get(id));
  }

  @Handles(FundRoutes.updateFund)
  async update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Body() body: UpdateFundDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<FundView> {
    const precondition = fundVersions.required(ifMatch, body.version);
    return withEtag(response, await this.funds.update(callerOf(user), id, body, precondition));
  }
}
