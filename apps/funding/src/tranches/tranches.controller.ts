import { Handles } from '@khoinghiep/api';
import { type AuthenticatedUser, CurrentUser } from '@khoinghiep/auth';
import {
  ApproveTrancheDto,
  type GrantDisbursementView,
  PayTrancheDto,
  RejectTrancheDto,
  RequestTrancheDto,
  TrancheRoutes,
  type TrancheView,
} from '@khoinghiep/contracts';
import { Body, Controller, Headers, Param } from '@nestjs/common';
import { toGrantDisbursementView, toTrancheView } from './tranche.mapper.js';
import { type TrancheActor, TranchesService } from './tranches.service.js';

const actorOf = (user: AuthenticatedUser, idempotencyKey: string | undefined): TrancheActor => ({
  userId: user.id,
  roles: user.roles,
  idempotencyKey: idempotencyKey ?? null,
});

/** Money commands are idempotent (the routes say so): each runs in its Idempotency-Key's transaction. */
@Controller()
export class TranchesController {
  constructor(private readonly tranches: TranchesService) {}

  @Handles(TrancheRoutes.requestTranche)
  async request(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Body() body: RequestTrancheDto,
    @Headers('idempotency-key') key: string,
  ): Promise<TrancheView> {
    return toTrancheView(await this.tranches.request(actorOf(user, key), id, body));
  }

  @Handles(TrancheRoutes.grantDisbursement)
  async disbursement(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
  ): Promise<GrantDisbursementView> {
    return toGrantDisbursementView(
      await this.tranches.disbursement({ userId: user.id, roles: user.roles }, id),
    );
  }

  @Handles(TrancheRoutes.getTranche)
  async get(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<TrancheView> {
    return toTrancheView(await this.tranches.tranche({ userId: user.id, roles: user.roles }, id));
  }

  @Handles(TrancheRoutes.approveTranche)
  async approve(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Body() body: ApproveTrancheDto,
    @Headers('idempotency-key') key: string,
  ): Promise<TrancheView> {
    return toTrancheView(await this.tranches.approve(actorOf(user, key), id, body));
  }

  @Handles(TrancheRoutes.rejectTranche)
  async reject(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Body() body: RejectTrancheDto,
    @Headers('idempotency-key') key: string,
  ): Promise<TrancheView> {
    return toTrancheView(await this.tranches.reject(actorOf(user, key), id, body));
  }

  @Handles(TrancheRoutes.payTranche)
  async pay(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Body() body: PayTrancheDto,
    @Headers('idempotency-key') key: string,
  ): Promise<TrancheView> {
    return toTrancheView(await this.tranches.pay(actorOf(user, key), id, body));
  }
}
