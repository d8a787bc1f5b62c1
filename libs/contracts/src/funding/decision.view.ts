import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
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
import { DECISION_OUTCOMES, type DecisionOutcome } from './decision-vocabulary.js';
import {
  ALLOCATION_RULES,
  type AllocationRule,
  PRIORITY_GROUPS,
  type PriorityGroup,
} from './funding-vocabulary.js';

/** A decision on an application, naming the grant it created when approved. */
export class DecisionView {
  @IsUUID()
  id!: string;

  @IsUUID()
  applicationId!: string;

  @IsUUID()
  callId!: string;

  @IsIn(DECISION_OUTCOMES)
  outcome!: DecisionOutcome;

  @Matches(MONEY_PATTERN)
  @Doc({ vi: 'Tổng đề nghị hỗ trợ (đồng)', en: 'Total requested (đồng)' })
  requestedAmount!: string;

  @Nullable()
  @Matches(MONEY_PATTERN)
  @Doc({ vi: 'Số tiền phê duyệt (đồng)', en: 'Amount approved (đồng)' })
  approvedAmount!: string | null;

  @Nullable()
  @IsString()
  reason!: string | null;

  @IsArray()
  @IsString({ each: true })
  @Doc({ vi: 'Phiên bản mức trần đã áp dụng', en: 'Ceiling rule versions applied' })
  ruleVersionIds!: string[];

  @IsUUID()
  decidedBy!: string;

  @IsString()
  @Doc({ vi: 'Ngày quyết định (giờ Việt Nam)', en: 'Decision date (Vietnam time)', example: '2026-11-29' })
  decidedOn!: string;

  @IsISO8601({ strict: true })
  decidedAt!: string;

  @Nullable()
  @IsUUID()
  @Doc({
    vi: 'Khoản tài trợ đã tạo (khi phê duyệt): GET /funding/grants/{grantId}',
    en: 'The grant created (when approved): GET /funding/grants/{grantId}',
  })
  grantId!: string | null;
}

/** One application in a call's ranked list. */
export class RankedApplicationView {
  @IsInt()
  @Min(1)
  @Doc({ vi: 'Thứ hạng', en: 'Position', example: 1 })
  position!: number;

  @IsUUID()
  applicationId!: string;

  @IsUUID()
  projectId!: string;

  @IsUUID()
  applicantId!: string;

  @Matches(MONEY_PATTERN)
  @Doc({ vi: 'Tổng đề nghị hỗ trợ (đồng)', en: 'Total requested (đồng)' })
  requested!: string;

  @IsISO8601({ strict: true })
  submittedAt!: string;

  @Nullable()
  @IsString()
  @Doc({ vi: 'Điểm thẩm định (trung bình có trọng số)', en: 'Appraisal weighted mean', example: '82.50' })
  score!: string | null;

  @IsArray()
  @IsIn(PRIORITY_GROUPS, { each: true })
  @Doc({ vi: 'Nhóm ưu tiên', en: 'Priority groups' })
  priorityGroups!: PriorityGroup[];

  @IsString()
  @Doc({ vi: 'Lý do của thứ hạng', en: 'Why it is in this place (Vietnamese)' })
  reasonVi!: string;

  @IsString()
  @Doc({ vi: 'Lý do của thứ hạng (tiếng Anh)', en: 'Why it is in this place' })
  reasonEn!: string;

  @Matches(MONEY_PATTERN)
  @Doc({ vi: 'Luỹ kế đề nghị đến hạng này (đồng)', en: 'Requested up to and including this one (đồng)' })
  cumulativeRequested!: string;

  @IsBoolean()
  @Doc({ vi: 'Ngân sách còn lại đủ đến hạng này', en: 'The remaining budget covers it (cumulatively)' })
  covered!: boolean;
}

/** A call's eligible submitted applications in the order the call's allocation rule gives them. */
export class CallRankingView {
  @IsUUID()
  callId!: string;

  @IsIn(ALLOCATION_RULES)
  allocationRule!: AllocationRule;

  @IsIn(ALLOCATION_RULES)
  @Doc({
    vi: 'Cách đã xếp (first_come nếu chưa có điểm thẩm định)',
    en: 'How it was ranked (first_come while no appraisal score exists)',
  })
  rankedBy!: AllocationRule;

  @Nullable()
  @IsString()
  @Doc({ vi: 'Quy định nhóm ưu tiên đã áp dụng', en: 'Priority-groups rule version applied' })
  priorityRuleVersionId!: string | null;

  @Matches(MONEY_PATTERN)
  budget!: string;

  @Matches(MONEY_PATTERN)
  committed!: string;

  @Matches(MONEY_PATTERN)
  @Doc({ vi: 'Ngân sách còn lại (đồng)', en: 'Budget left (đồng)' })
  remaining!: string;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => RankedApplicationView)
  entries!: RankedApplicationView[];
}

/** What a bulk approval approved, in order, and where and why it stopped (all null when it approved every item). */
export class BulkApprovalView {
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => DecisionView)
  approved!: DecisionView[];

  @IsBoolean()
  @Doc({ vi: 'Đã dừng trước khi hết danh sách', en: 'It stopped before the end of the list' })
  stopped!: boolean;

  @Nullable()
  @IsInt()
  @Min(0)
  @Doc({
    vi: 'Vị trí dừng trong danh sách gửi (từ 0)',
    en: 'Index in the list sent where it stopped (from 0)',
  })
  stoppedAtIndex!: number | null;

  @Nullable()
  @IsUUID()
  @Doc({ vi: 'Đề án không phê duyệt được', en: 'The application it could not approve' })
  stoppedAtApplicationId!: string | null;

  @Nullable()
  @IsString()
  @Doc({ vi: 'Mã vấn đề', en: 'Problem code', example: 'CALL_BUDGET_EXCEEDED' })
  stopCode!: string | null;

  @Nullable()
  @IsString()
  @Doc({ vi: 'Lý do dừng', en: 'Why it stopped (Vietnamese)' })
  stopReasonVi!: string | null;

  @Nullable()
  @IsString()
  @Doc({ vi: 'Lý do dừng (tiếng Anh)', en: 'Why it stopped' })
  stopReasonEn!: string | null;

  @Matches(MONEY_PATTERN)
  @Doc({ vi: 'Ngân sách còn lại sau đó (đồng)', en: 'Budget left afterwards (đồng)' })
  remaining!: string;
}
