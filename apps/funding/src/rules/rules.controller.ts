import { Handles } from '@khoinghiep/api';
import { type AuthenticatedUser, CurrentUser } from '@khoinghiep/auth';
import {
  ListRulesQueryDto,
  RecordRuleVersionDto,
  RuleRoutes,
  type RuleVersionView,
} from '@khoinghiep/contracts';
import { Body, Controller, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { RulesService, toRuleVersionView } from './rules.service.js';

@Controller()
export class RulesController {
  constructor(private readonly rules: RulesService) {}

  @Handles(RuleRoutes.listRulesInForce)
  async inForce(@Query() query: ListRulesQueryDto): Promise<RuleVersionView[]> {
    return (await this.rules.inForce(query)).map(toRuleVersionView);
  }

  @Handles(RuleRoutes.ruleVersionHistory)
  async history(@Param('ruleId') ruleId: string): Promise<RuleVersionView[]> {
    return (await this.rules.history(ruleId)).map(toRuleVersionView);
  }

  @Handles(RuleRoutes.recordRuleVersion)
  async record(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: RecordRuleVersionDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RuleVersionView> {
    const version = await this.rules.record(user, body);
    response.location(`/api/v1/funding/rules/${version.ruleId}/versions`);
    return toRuleVersionView(version);
  }
}
