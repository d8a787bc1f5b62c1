import { Handles } from '@khoinghiep/api';
import { type AuthenticatedUser, CurrentUser } from '@khoinghiep/auth';
import { ApprovalLimitRoutes, type ApprovalLimitView, SetApprovalLimitDto } from '@khoinghiep/contracts';
import { Body, Controller, Param } from '@nestjs/common';
import { ApprovalLimitsService, toApprovalLimitView } from './approval-limits.service.js';

@Controller()
export class ApprovalLimitsController {
  constructor(private readonly limits: ApprovalLimitsService) {}

  @Handles(ApprovalLimitRoutes.setApprovalLimit)
  async set(
    @CurrentUser() user: AuthenticatedUser,
    @Param('approverId') approverId: string,
    @Body() body: SetApprovalLimitDto,
  ): Promise<ApprovalLimitView> {
    return toApprovalLimitView(await this.limits.set(user.id, approverId, body));
  }

  @Handles(ApprovalLimitRoutes.approvalLimitHistory)
  async history(@Param('approverId') approverId: string): Promise<ApprovalLimitView[]> {
    return (await this.limits.history(approverId)).map(toApprovalLimitView);
  }
}
