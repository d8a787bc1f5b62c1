import { IsISO8601, IsString, IsUUID, Matches } from 'class-validator';
import { Doc, Nullable } from '../http/doc.js';
import { MONEY_PATTERN } from '../projects/project-vocabulary.js';

/** One setting of a fund approver's approval limit (newest first in a history). */
export class ApprovalLimitView {
  @IsUUID()
  id!: string;

  @IsUUID()
  @Doc({ vi: 'Người phê duyệt', en: 'The fund approver' })
  approverId!: string;

  @Matches(MONEY_PATTERN)
  @Doc({ vi: 'Hạn mức mỗi quyết định (đồng)', en: 'Limit per decision (đồng)', example: '2000000000' })
  limit!: string;

  @Nullable()
  @IsString()
  reason!: string | null;

  @IsUUID()
  @Doc({ vi: 'Quản trị viên đã đặt', en: 'Admin who set it' })
  setBy!: string;

  @IsISO8601({ strict: true })
  setAt!: string;
}
