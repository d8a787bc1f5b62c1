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
import { Money } from '../projects/field-rules.js';
import { CALENDAR_DATE_PATTERN } from './application-field-rules.js';
import {
  APPLICANT_KINDS,
  APPLICATION_KINDS,
  APPLICATION_STATUSES,
  type ApplicantKind,
  type ApplicationKind,
  type ApplicationStatus,
  PRIORITY_GROUPS,
  type PriorityGroup,
  SUPPORT_CATEGORIES,
  type SupportCategory,
} from './funding-vocabulary.js';

// Views are documentation of what the API answers (OpenAPI schemas are generated from them), not input rules.

const Instant = () => IsISO8601({ strict: true });

/** Text in Vietnamese and English. */
export class BilingualTextView {
  @IsString()
  vi!: string;

  @IsString()
  en!: string;
}

export class BudgetLineView {
  @IsIn(SUPPORT_CATEGORIES)
  category!: SupportCategory;

  @IsString()
  description!: string;

  @Money()
  @Doc({ vi: 'Chi phí (đồng)', en: 'Cost (đồng)', example: '450000000' })
  cost!: string;

  @Money()
  @Doc({ vi: 'Đề nghị hỗ trợ (đồng)', en: 'Requested (đồng)', example: '300000000' })
  requested!: string;

  @Money()
  @Doc({ vi: 'Vốn đối ứng (đồng)', en: 'Own contribution (đồng)', example: '150000000' })
  ownContribution!: string;
}

export class CoFinancingView {
  @Money()
  central!: string;

  @Money()
  provincial!: string;

  @Money()
  own!: string;
}

/** Sums of the budget lines. */
export class ApplicationTotalsView {
  @Money()
  cost!: string;

  @Money()
  requested!: string;

  @Money()
  ownContribution!: string;
}

export class AttachmentView {
  @IsString()
  name!: string;

  @IsString()
  mediaType!: string;

  @IsInt()
  @Min(1)
  sizeBytes!: number;

  @Matches(/^[0-9a-f]{64}$/)
  sha256!: string;
}

/** One eligibility rule applied at submission: which rule, in which version, passed or not, and why. */
export class EligibilityOutcomeView {
  @IsString()
  @Doc({ vi: 'Điều kiện', en: 'Rule', example: 'applicant_kind' })
  rule!: string;

  @IsString()
  @Doc({
    vi: 'Phiên bản của điều kiện đã áp dụng',
    en: 'Version of the rule applied',
    example: 'call:0190f9a8-…@v3',
  })
  ruleVersion!: string;

  @IsBoolean()
  passed!: boolean;

  @ValidateNested()
  @Type(() => BilingualTextView)
  @Doc({ vi: 'Vì sao', en: 'Why' })
  reason!: BilingualTextView;
}

/** The eligibility check run at submission; `eligible` is null before it. */
export class EligibilityView {
  @Nullable()
  @IsBoolean()
  @Doc({
    vi: 'Đủ điều kiện? Đề án không đủ điều kiện vẫn được nộp nhưng không thể được phê duyệt',
    en: 'Eligible? An ineligible application stays submitted but can never be approved',
  })
  eligible!: boolean | null;

  @Nullable()
  @Instant()
  checkedAt!: string | null;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => EligibilityOutcomeView)
  outcomes!: EligibilityOutcomeView[];

  @ValidateNested()
  @Type(() => BilingualTextView)
  @Doc({ vi: 'Ý nghĩa của kết quả', en: 'What the result means' })
  summary!: BilingualTextView;
}

/** An application (đề án) as the API returns it. Money is a string of whole đồng; times are ISO-8601 UTC. */
export class ApplicationView {
  @IsUUID()
  @Doc({ vi: 'Mã đề án', en: 'Application id' })
  id!: string;

  @IsUUID()
  @Doc({ vi: 'Đợt kêu gọi', en: 'Funding call' })
  callId!: string;

  @IsUUID()
  @Doc({ vi: 'Dự án', en: 'Project' })
  projectId!: string;

  @IsString()
  @Doc({ vi: 'Tên dự án khi công bố', en: 'Project title as published' })
  projectTitle!: string;

  @IsUUID()
  @Doc({ vi: 'Người nộp (nhà sáng lập)', en: 'Applicant (the founder)' })
  applicantId!: string;

  @IsIn(APPLICATION_KINDS)
  kind!: ApplicationKind;

  @IsIn(APPLICATION_STATUSES)
  @Doc({ vi: 'Trạng thái', en: 'Status' })
  status!: ApplicationStatus;

  @IsInt()
  @Min(1)
  @Doc({ vi: 'Phiên bản, cũng là ETag', en: 'Version, also the ETag', example: 2 })
  version!: number;

  @IsIn(APPLICANT_KINDS)
  applicantKind!: ApplicantKind;

  @Nullable()
  @Matches(CALENDAR_DATE_PATTERN)
  @Doc({ vi: 'Ngày đăng ký kinh doanh lần đầu', en: 'First business registration', example: '2023-05-17' })
  businessRegisteredOn!: string | null;

  @IsArray()
  @IsIn(PRIORITY_GROUPS, { each: true })
  @Doc({ vi: 'Nhóm ưu tiên tự khai', en: 'Priority groups declared' })
  declaredPriorityGroups!: PriorityGroup[];

  @IsArray()
  @IsIn(PRIORITY_GROUPS, { each: true })
  @Doc({
    vi: 'Nhóm ưu tiên áp dụng: tự khai và từ đối tượng của dự án',
    en: "Priority groups applied: declared, and from the project's target groups",
  })
  priorityGroups!: PriorityGroup[];

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => BudgetLineView)
  budgetLines!: BudgetLineView[];

  @ValidateNested()
  @Type(() => CoFinancingView)
  coFinancing!: CoFinancingView;

  @ValidateNested()
  @Type(() => ApplicationTotalsView)
  totals!: ApplicationTotalsView;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => AttachmentView)
  attachments!: AttachmentView[];

  @ValidateNested()
  @Type(() => EligibilityView)
  eligibility!: EligibilityView;

  @Nullable()
  @IsString()
  withdrawalReason!: string | null;

  @Instant()
  createdAt!: string;

  @Instant()
  updatedAt!: string;

  @Nullable()
  @Instant()
  submittedAt!: string | null;

  @Nullable()
  @Instant()
  withdrawnAt!: string | null;
}
