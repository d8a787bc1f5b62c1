import { Module } from '@nestjs/common';
import { ApprovalLimitsController } from './approval-limits.controller.js';
import { ApprovalLimitsService } from './approval-limits.service.js';

/** Approval limits (financial delegation) of fund approvers, set by admins. */
@Module({
  controllers: [ApprovalLimitsController],
  providers: [ApprovalLimitsService],
  exports: [ApprovalLimitsService],
})
export class ApprovalLimitsModule {}
