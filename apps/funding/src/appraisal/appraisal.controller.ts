import { Handles } from '@khoinghiep/api';
import { AccessTokenService, type AuthenticatedUser, bearerToken, CurrentUser } from '@khoinghiep/auth';
import {
  AppraisalRoutes,
  type AppraisalView,
  type AppraiserAssessmentView,
  type AppraiserView,
  AssignAppraisersDto,
  CloseAppraisalDto,
  DeclareConflictDto,
  ListMyAppraisalsQueryDto,
  type MyAppraisalView,
  type Page,
  ScoreAppraisalDto,
} from '@khoinghiep/contracts';
import { Body, Controller, Headers, Param, Query } from '@nestjs/common';
import { toAppraisalView, toAppraiserView, toAssessmentView, toMyAppraisalView } from './appraisal.mapper.js';
import { AppraisalService, type OwnAssessment } from './appraisal.service.js';
import type { Caller } from './appraisal-rules.js';

const callerOf = (user: AuthenticatedUser): Caller => ({ userId: user.id, roles: user.roles });

const ownView = ({ assignment, scores, appraisal }: OwnAssessment): AppraiserAssessmentView =>
  toAssessmentView(assignment, scores, appraisal.rubric);

@Controller()
export class AppraisalController {
  constructor(
    private readonly appraisals: AppraisalService,
    private readonly tokens: AccessTokenService,
  ) {}

  @Handles(AppraisalRoutes.joinAppraiserRoster)
  async join(
    @CurrentUser() user: AuthenticatedUser,
    @Headers('authorization') authorization: string | undefined,
  ): Promise<AppraiserView> {
    // The guard verified this token already; read it again for the security version it carries.
    const { securityVersion } = this.tokens.verifyToken(bearerToken(authorization) ?? '');
    return toAppraiserView(await this.appraisals.joinRoster(callerOf(user), user.name, securityVersion));
  }

  @Handles(AppraisalRoutes.listMyAppraisals)
  async listMine(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ListMyAppraisalsQueryDto,
  ): Promise<Page<MyAppraisalView>> {
    const page = await this.appraisals.listMine(callerOf(user), query);
    return { items: page.items.map(toMyAppraisalView), nextCursor: page.nextCursor };
  }

  @Handles(AppraisalRoutes.assignAppraisers)
  async assign(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Body() body: AssignAppraisersDto,
  ): Promise<AppraisalView> {
    return toAppraisalView(await this.appraisals.assign(callerOf(user), id, body), user.id);
  }

  @Handles(AppraisalRoutes.declareConflict)
  async declare(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Body() body: DeclareConflictDto,
  ): Promise<AppraiserAssessmentView> {
    return ownView(await this.appraisals.declare(callerOf(user), id, body));
  }

  @Handles(AppraisalRoutes.scoreAppraisal)
  async score(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Body() body: ScoreAppraisalDto,
  ): Promise<AppraiserAssessmentView> {
    return ownView(await this.appraisals.score(callerOf(user), id, body));
  }

  @Handles(AppraisalRoutes.closeAppraisal)
  async close(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Body() body: CloseAppraisalDto,
  ): Promise<AppraisalView> {
    return toAppraisalView(await this.appraisals.close(callerOf(user), id, body), user.id);
  }

  @Handles(AppraisalRoutes.getAppraisal)
  async get(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<AppraisalView> {
    return toAppraisalView(await this.appraisals.get(callerOf(user), id), user.id);
  }
}
