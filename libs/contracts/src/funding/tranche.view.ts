import { Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsString,
  IsUUID,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import { Doc, Nullable } from '../http/doc.js';
import { MONEY_PATTERN } from '../projects/project-vocabulary.js';
import {
  GRANT_DISBURSEMENT_STAGES,
  type GrantDisbursementStage,
  TRANCHE_KINDS,
  TRANCHE_STATUSES,
  type TrancheKind,
  type TrancheStatus,
} from './funding-vocabulary.js';
import { EvidenceDto } from './tranche.dto.js';

/** One piece of evidence as recorded. */
export class EvidenceView extends EvidenceDto {}

/** A tranche of a grant: who asked, who decided, when it was paid. */
export class TrancheView {
  @IsUUID()
  id!: string;

  @IsUUID()
  grantId!: string;

  @IsIn(TRANCHE_KINDS)
  kind!: TrancheKind;

  @IsInt()
  @Min(1)
  @Doc({ vi: 'Số thứ tự trong khoản tài trợ', en: 'Number within the grant', example: 1 })
  sequence!: number;

  @IsIn(TRANCHE_STATUSES)
  status!: TrancheStatus;

  @Matches(MONEY_PATTERN)
  @Doc({ vi: 'Số tiền chi cho người được tài trợ (đồng)', en: 'Amount paid to the grantee (đồng)' })
  amount!: string;

  @Matches(MONEY_PATTERN)
  @Doc({
    vi: 'Số tiền người được tài trợ hoàn trả khi quyết toán (đồng)',
    en: 'Amount the grantee returns at settlement (đồng)',
  })
  returnAmount!: string;

  @Nullable()
  @IsInt()
  @Doc({ vi: 'Tỷ lệ tạm ứng (phần vạn)', en: 'Advance rate (basis points)', example: 5000 })
  advanceRateBp!: number | null;

  @Nullable()
  @IsString()
  @Doc({ vi: 'Phiên bản quy định tỷ lệ tạm ứng', en: 'Advance-rate rule version applied' })
  ruleVersionId!: string | null;

  @Nullable()
  @Matches(MONEY_PATTERN)
  @Doc({ vi: 'Chi phí được nghiệm thu (đồng)', en: 'Accepted cost (đồng)' })
  acceptedCost!: string | null;

  @Nullable()
  @Matches(MONEY_PATTERN)
  @Doc({ vi: 'Số tiền quyết toán (đồng)', en: 'Final amount settled (đồng)' })
  finalAmount!: string | null;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => EvidenceView)
  evidence!: EvidenceView[];

  @Nullable()
  @IsString()
  note!: string | null;

  @IsUUID()
  requestedBy!: string;

  @IsISO8601({ strict: true })
  requestedAt!: string;

  @Nullable()
  @IsUUID()
  decidedBy!: string | null;

  @Nullable()
  @IsISO8601({ strict: true })
  decidedAt!: string | null;

  @Nullable()
  @IsString()
  rejectionReason!: string | null;

  @Nullable()
  @IsString()
  paymentReference!: string | null;

  @Nullable()
  @IsUUID()
  paidBy!: string | null;

  @Nullable()
  @IsISO8601({ strict: true })
  paidAt!: string | null;
}

/** A grant's disbursement: what was approved, asked for, paid and returned, and every tranche, oldest first. */
export class GrantDisbursementView {
  @IsUUID()
  grantId!: string;

  @IsUUID()
  callId!: string;

  @IsUUID()
  beneficiaryId!: string;

  @IsIn(GRANT_DISBURSEMENT_STAGES)
  stage!: GrantDisbursementStage;

  @Matches(MONEY_PATTERN)
  @Doc({ vi: 'Số được duyệt (đồng)', en: 'Approved (đồng)' })
  approved!: string;

  @Matches(MONEY_PATTERN)
  @Doc({
    vi: 'Đã đề nghị, chưa bị từ chối (đồng)',
    en: 'Asked for in tranches not rejected (đồng)',
  })
  reserved!: string;

  @Matches(MONEY_PATTERN)
  @Doc({ vi: 'Đã chi (đồng)', en: 'Paid out (đồng)' })
  disbursed!: string;

  @Matches(MONEY_PATTERN)
  @Doc({ vi: 'Đã hoàn trả (đồng)', en: 'Returned (đồng)' })
  returned!: string;

  @Matches(MONEY_PATTERN)
  @Doc({ vi: 'Còn có thể giải ngân (đồng)', en: 'Still to disburse (đồng)' })
  remaining!: string;

  @Nullable()
  @Matches(MONEY_PATTERN)
  acceptedCost!: string | null;

  @Nullable()
  @Matches(MONEY_PATTERN)
  finalAmount!: string | null;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => TrancheView)
  tranches!: TrancheView[];
}
