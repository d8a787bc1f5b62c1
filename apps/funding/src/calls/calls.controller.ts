import { Handles } from '@khoinghiep/api';
import { type AuthenticatedUser, CurrentUser } from '@khoinghiep/auth';
import {
  type CallHistoryEntryView,
  CallRoutes,
  CallTransitionDto,
  type CallView,
  ChangeCallBudgetDto,
  CreateCallDto,
  FundRoutes,
  ListOpenCallsQueryDto,
  type Page,
  PageQueryDto,
  UpdateCallDto,
} from '@khoinghiep/contracts';
import { etagOf } from '@khoinghiep/http';
import { Body, Controller, Headers, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { callVersions } from './call-versions.js';
import { callerOf } from './caller.js';
import { CallsService } from './calls.service.js';
import type { FundingCall } from './funding-call.entity.js';
import { toCallHistoryView, toCallView } from './funding-call.mapper.js';

function withEtag(response: Response, call: FundingCall): CallView {
  response.setHeader('ETag', etagOf(call.version));
  return toCallView(call);
}

@Controller()
export class CallsController {
  constructor(private readonly calls: CallsService) {}

  @Handles(CallRoutes.createCall)
  async create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CreateCallDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CallView> {
    const call = await this.calls.create(callerOf(user), body);
    response.location(`/api/v1/funding/calls/${call.id}`);
    return withEtag(response, call);
  }

  @Handles(CallRoutes.listOpenCalls)
  async listOpen(@Query() query: ListOpenCallsQueryDto): Promise<Page<CallView>> {
    const page = await this.calls.listOpen(query);
    return { items: page.items.map(toCallView), nextCursor: page.nextCursor };
  }

  @Handles(CallRoutes.getCall)
  async get(@Param('id') id: string, @Res({ passthrough: true }) response: Response): Promise<CallView> {
    return withEtag(response, await this.calls.getPublic(id));
  }

  @Handles(CallRoutes.updateCall)
  async update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Body() body: UpdateCallDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CallView> {
    const precondition = callVersions.required(ifMatch, body.version);
    return withEtag(response, await this.calls.update(callerOf(user), id, body, precondition));
  }

  @Handles(CallRoutes.openCall)
  async open(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Body() body: CallTransitionDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CallView> {
    const precondition = callVersions.precondition(ifMatch, body.version, false);
    return withEtag(response, await this.calls.open(callerOf(user), id, body, precondition));
  }

  @Handles(CallRoutes.closeCall)
  async close(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Body() body: CallTransitionDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CallView> {
    const precondition = callVersions.precondition(ifMatch, body.version, false);
    return withEtag(response, await this.calls.close(callerOf(user), id, body, precondition));
  }

  @Handles(CallRoutes.finaliseCall)
  async finalise(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Body() body: CallTransitionDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CallView> {
    const precondition = callVersions.precondition(ifMatch, body.version, false);
    return withEtag(response, await this.calls.finalise(callerOf(user), id, body, precondition));
  }

  @Handles(CallRoutes.changeCallBudget)
  async changeBudget(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Body() body: ChangeCallBudgetDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CallView> {
    const precondition = callVersions.precondition(ifMatch, body.version, false);
    return withEtag(response, await this.calls.changeBudget(callerOf(user), id, body, precondition));
  }

  @Handles(CallRoutes.callHistory)
  async history(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<CallHistoryEntryView>> {
    const page = await this.calls.history(callerOf(user), id, query);
    return { items: page.items.map(toCallHistoryView), nextCursor: page.nextCursor };
  }

  @Handles(FundRoutes.fundCalls)
  async ofFund(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') fundId: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<CallView>> {
    const page = await this.calls.listOfFund(callerOf(user), fundId, query);
    return { items: page.items.map(toCallView), nextCursor: page.nextCursor };
  }
}
