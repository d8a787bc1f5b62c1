import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsString,
  IsUUID,
  Min,
  ValidateNested,
} from 'class-validator';
import { Doc, Nullable } from '../http/doc.js';
import { Money } from '../projects/field-rules.js';
import { TARGET_GROUPS, type TargetGroup } from '../projects/project-vocabulary.js';
import { PROVINCE_CODES } from '../projects/provinces.js';
import { CALL_ACTIONS, type CallAction } from './call-vocabulary.js';
import {
  ALLOCATION_RULES,
  type AllocationRule,
  APPLICANT_KINDS,
  type ApplicantKind,
  CALL_STATUSES,
  type CallStatus,
  SUPPORT_CATEGORIES,
  type SupportCategory,
} from './funding-vocabulary.js';

// Views are what the API answers; their decorators document the OpenAPI schemas, nothing validates them at run time.

const Instant = () => IsISO8601({ strict: true });

/** Who may apply. An empty list means no restriction on that dimension. */
export class CallEligibilityView {
  @IsArray()
  @IsIn(APPLICANT_KINDS, { each: true })
  applicantKinds!: ApplicantKind[];

  @IsArray()
  @IsIn(PROVINCE_CODES, { each: true })
  provinceCodes!: string[];

  @IsArray()
  @IsIn(TARGET_GROUPS, { each: true })
  targetGroups!: TargetGroup[];

  @IsBoolean()
  publishedProjectRequired!: boolean;

  @Nullable()
  @IsString()
  @Doc({ vi: 'Chủ đề tập huấn phải hoàn thành', en: 'Training topic to have completed' })
  requiredTrainingTopic!: string | null;

  @Nullable()
  @IsInt()
  @Min(0)
  @Doc({ vi: 'Số năm hoạt động tối đa', en: 'Maximum business age in years', example: 5 })
  maxBusinessAgeYears!: number | null;
}

export class RubricCriterionView {
  @IsString()
  @Doc({ example: 'innovation' })
  code!: string;

  @IsString()
  @Doc({ example: 'Tính đổi mới sáng tạo' })
  label!: string;

  @IsInt()
  @Min(1)
  @Doc({ vi: 'Trọng số (%)', en: 'Weight (%)', example: 40 })
  weight!: number;
}

export class RubricScaleView {
  @IsInt()
  @Doc({ example: 0 })
  min!: number;

  @IsInt()
  @Doc({ example: 10 })
  max!: number;
}

export class AppraisalRubricView {
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => RubricCriterionView)
  criteria!: RubricCriterionView[];

  @ValidateNested()
  @Type(() => RubricScaleView)
  scale!: RubricScaleView;
}

/** A funding call (đợt) as the API returns it. Money is a string of whole đồng; times are ISO-8601 UTC. */
export class CallView {
  @IsUUID()
  @Doc({ vi: 'Mã đợt', en: 'Call id' })
  id!: string;

  @IsUUID()
  @Doc({ vi: 'Quỹ', en: 'Fund' })
  fundId!: string;

  @IsInt()
  @Doc({ vi: 'Năm ngân sách', en: 'Fiscal year', example: 2027 })
  fiscalYear!: number;

  @IsString()
  @Doc({ example: 'Đợt hỗ trợ khuyến công địa phương năm 2027' })
  title!: string;

  @IsString()
  description!: string;

  @IsIn(CALL_STATUSES)
  @Doc({ vi: 'Trạng thái', en: 'Status' })
  status!: CallStatus;

  @IsInt()
  @Min(1)
  @Doc({ vi: 'Phiên bản, cũng là ETag', en: 'Version, also the ETag', example: 1 })
  version!: number;

  @Money()
  @Doc({ vi: 'Kinh phí (đồng)', en: 'Budget (đồng)', example: '5000000000' })
  budget!: string;

  @Money()
  @Doc({ vi: 'Đã cam kết theo quyết định (đồng)', en: 'Committed by decisions (đồng)', example: '0' })
  committed!: string;

  @Money()
  @Doc({ vi: 'Còn lại = kinh phí − đã cam kết', en: 'Available = budget − committed', example: '5000000000' })
  available!: string;

  @IsArray()
  @IsIn(SUPPORT_CATEGORIES, { each: true })
  supportCategories!: SupportCategory[];

  @ValidateNested()
  @Type(() => CallEligibilityView)
  eligibility!: CallEligibilityView;

  @IsIn(ALLOCATION_RULES)
  allocationRule!: AllocationRule;

  @ValidateNested()
  @Type(() => AppraisalRubricView)
  appraisalRubric!: AppraisalRubricView;

  @Instant()
  opensAt!: string;

  @Instant()
  closesAt!: string;

  @Nullable()
  @Instant()
  openedAt!: string | null;

  @Nullable()
  @Instant()
  closedAt!: string | null;

  @Nullable()
  @Instant()
  finalisedAt!: string | null;

  @Instant()
  createdAt!: string;

  @Instant()
  updatedAt!: string;
}

/** Who made a change: a user with their roles at the time, or the system (`userId` null). */
export class CallActorView {
  @Nullable()
  @IsUUID()
  userId!: string | null;

  @IsArray()
  @IsString({ each: true })
  roles!: string[];
}

/** One entry of a call's audit trail. For a budget change: the old and new budget and what was committed then. */
export class CallHistoryEntryView {
  @IsUUID()
  id!: string;

  @IsUUID()
  callId!: string;

  @IsIn(CALL_ACTIONS)
  action!: CallAction;

  @Nullable()
  @IsIn(CALL_STATUSES)
  fromStatus!: CallStatus | null;

  @IsIn(CALL_STATUSES)
  toStatus!: CallStatus;

  @IsInt()
  @Min(1)
  @Doc({ vi: 'Phiên bản của đợt sau thay đổi', en: 'Version of the call after the change' })
  version!: number;

  @ValidateNested()
  @Type(() => CallActorView)
  @Doc({ vi: 'Ai thực hiện', en: 'Who did it' })
  actor!: CallActorView;

  @IsArray()
  @IsString({ each: true })
  @Doc({ vi: 'Các trường đã sửa', en: 'Fields changed' })
  changedFields!: string[];

  @Nullable()
  @Money()
  @Doc({ vi: 'Kinh phí cũ', en: 'Old budget' })
  oldBudget!: string | null;

  @Nullable()
  @Money()
  @Doc({ vi: 'Kinh phí mới', en: 'New budget' })
  newBudget!: string | null;

  @Nullable()
  @Money()
  @Doc({ vi: 'Đã cam kết lúc đó', en: 'Committed at the time' })
  committed!: string | null;

  @Nullable()
  @IsString()
  @Doc({ vi: 'Lý do', en: 'Reason' })
  reason!: string | null;

  @Instant()
  @Doc({ vi: 'Khi nào', en: 'When' })
  occurredAt!: string;
}
