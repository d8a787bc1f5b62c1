import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Doc } from '../http/doc.js';
import { rules, TextOfLength } from '../projects/field-rules.js';
import { POSITIVE_MONEY_PATTERN } from './call.dto.js';
import { DECISION_OUTCOMES, type DecisionOutcome } from './decision-vocabulary.js';

export const DECISION_LIMITS = { reason: { min: 3, max: 2000 }, bulkItems: { min: 1, max: 200 } } as const;

const ApprovedAmount = () =>
  rules(
    IsOptional(),
    IsString({ message: '$property must be a whole number of đồng written as a string, e.g. "300000000"' }),
    Matches(POSITIVE_MONEY_PATTERN, {
      message: '$property must be a whole, positive number of đồng with at most 15 digits, e.g. "300000000"',
    }),
    Doc({
      vi: 'Số tiền phê duyệt (đồng); bỏ trống: đúng số đề nghị',
      en: 'Amount approved (đồng); absent: as requested',
      example: '300000000',
    }),
  );

/**
 * A fund approver's decision on a submitted, eligible application: approve (an amount, or as requested) or reject
 * with a reason.
 */
export class DecideApplicationDto {
  @IsIn(DECISION_OUTCOMES)
  @Doc({ vi: 'Phê duyệt hay từ chối', en: 'Approve or reject', example: 'approved' })
  outcome!: DecisionOutcome;

  @ApprovedAmount()
  amount?: string;

  @ValidateIf((dto: DecideApplicationDto) => dto.outcome === 'rejected' || dto.reason !== undefined)
  @TextOfLength(DECISION_LIMITS.reason)
  @Doc({
    vi: 'Lý do (bắt buộc khi từ chối)',
    en: 'Reason (required to reject)',
    example: 'Không phù hợp định hướng khuyến công của tỉnh.',
  })
  reason?: string;
}

/** One application of a bulk approval, in the order to approve. */
export class BulkApprovalItemDto {
  @IsUUID()
  @Doc({ vi: 'Mã đề án', en: 'Application id' })
  applicationId!: string;

  @ApprovedAmount()
  amount?: string;
}

/** Approve a ranked list in order; stops at the first the budget or the approver's limit cannot cover. */
export class BulkApprovalDto {
  @IsArray()
  @ArrayMinSize(DECISION_LIMITS.bulkItems.min)
  @ArrayMaxSize(DECISION_LIMITS.bulkItems.max)
  @ValidateNested({ each: true })
  @Type(() => BulkApprovalItemDto)
  @Doc({ vi: 'Đề án theo thứ tự phê duyệt', en: 'Applications in the order to approve' })
  items!: BulkApprovalItemDto[];
}
