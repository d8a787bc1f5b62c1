import { Clock, IdGenerator } from '@khoinghiep/clock';
import { ApprovalLimitSet, type SetApprovalLimitDto } from '@khoinghiep/contracts';
import { UnitOfWork } from '@khoinghiep/messaging';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ApprovalLimit } from './approval-limit.entity.js';

/**
 * Approval limits of fund approvers (financial delegation). Setting one appends a row (who, when, why) with its event
 * in one transaction; the limit in force is the newest row. The approver's rows are serialised by an advisory lock so
 * two settings at once keep a clear order.
 */
@Injectable()
export class ApprovalLimitsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  set(adminId: string, approverId: string, dto: SetApprovalLimitDto): Promise<ApprovalLimit> {
    return this.unitOfWork.run(async (tx) => {
      await tx.manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`approval-limit:${approverId}`]);
      const row = Object.assign(new ApprovalLimit(), {
        id: this.ids.next(),
        approverId,
        limitAmount: BigInt(dto.limit).toString(),
        reason: dto.reason ?? null,
        setBy: adminId,
        setAt: this.clock.now(),
      });
      await tx.manager.insert(ApprovalLimit, row);
      tx.record(ApprovalLimitSet, approverId, {
        approvalLimitId: row.id,
        approverId,
        limit: row.limitAmount,
        setBy: adminId,
        setAt: row.setAt.toISOString(),
      });
      return row;
    });
  }

  /** Every setting for an approver, newest first. */
  history(approverId: string): Promise<ApprovalLimit[]> {
    return this.dataSource.manager.find(ApprovalLimit, {
      where: { approverId },
      order: { setAt: 'DESC', id: 'DESC' },
    });
  }

  /** The limit in force for an approver, read in the caller's transaction; null when none was ever set. */
  static inForce(manager: EntityManager, approverId: string): Promise<ApprovalLimit | null> {
    return manager.findOne(ApprovalLimit, { where: { approverId }, order: { setAt: 'DESC', id: 'DESC' } });
  }
}

export const toApprovalLimitView = (row: ApprovalLimit) => ({
  id: row.id,
  approverId: row.approverId,
  limit: row.limitAmount,
  reason: row.reason,
  setBy: row.setBy,
  setAt: row.setAt.toISOString(),
});
