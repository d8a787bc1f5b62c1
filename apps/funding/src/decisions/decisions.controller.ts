import { Handles } from '@khoinghiep/api';
import { type AuthenticatedUser, CurrentUser } from '@khoinghiep/auth';
import {
  BulkApprovalDto,
  type BulkApprovalView,
  type CallRankingView,
  DecideApplicationDto,
  DecisionRoutes,
  type DecisionView,
} from '@khoinghiep/contracts';
import { Body, Controller, Headers, Param } from '@nestjs/common';
import { toBulkApprovalView, toCallRankingView, toDecisionView } from './decision.mapper.js';
import { DecisionsService } from './decisions.service.js';

@Controller()
export class DecisionsController {
  constructor(private readonly decisions: DecisionsService) {}

  /** Idempotent and second-factor (the route says so): runs in the Idempotency-Key's transaction. */
  @Handles(DecisionRoutes.decideApplication)
  async decide(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Body() body: DecideApplicationDto,
    @Headers('idempotency-key') idempotencyKey: string,
  ): Promise<DecisionView> {
    return toDecisionView(
      await this.decisions.decide({ approverId: user.id, idempotencyKey: idempotencyKey ?? null }, id, body),
    );
  }

  @Handles(DecisionRoutes.callRanking)
  async ranking(@Param('id') id: string): Promise<CallRankingView> {
    return toCallRankingView(await this.decisions.ranking(id));
  }

  @Handles(DecisionRoutes.bulkApprove)
  async bulkApprove(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Body() body: BulkApprovalDto,
    @Headers('idempotency-key') idempotencyKey: string,
  ): Promise<BulkApprovalView> {
    return toBulkApprovalView(
      await this.decisions.bulkApprove(
        { approverId: user.id, idempotencyKey: idempotencyKey ?? null },
        id,
        body,
      ),
    );
  }
}
