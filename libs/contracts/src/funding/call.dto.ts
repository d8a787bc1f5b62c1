import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Doc } from '../http/doc.js';
import { BasedOnVersion, rules, TextOfLength } from '../projects/field-rules.js';
import { PageQueryDto } from '../projects/list-projects.query.js';
import { TARGET_GROUPS, type TargetGroup } from '../projects/project-vocabulary.js';
import { PROVINCE_CODES } from '../projects/provinces.js';
import {
  ALLOCATION_RULES,
  type AllocationRule,
  APPLICANT_KINDS,
  type ApplicantKind,
  SUPPORT_CATEGORIES,
  type SupportCategory,
} from './funding-vocabulary.js';

/** Bounds of a call's free text and numbers. */
export const CALL_LIMITS = {
  title: { min: 3, max: 200 },
  description: { max: 5000 },
  trainingTopic: { min: 2, max: 120 },
  reason: { min: 3, max: 1000 },
  criterionCode: { min: 1, max: 40 },
  criterionLabel: { min: 2, max: 200 },
  criteria: { min: 1, max: 20 },
  fiscalYear: { min: 2000, max: 2100 },
  businessAgeYears: { min: 0, max: 100 },
  scale: { min: 0, max: 100 },
} as const;

/** A budget: a whole, positive number of đồng. */
export const POSITIVE_MONEY_PATTERN = /^[1-9][0-9]{0,14}$/;

const Instant = (doc: { vi: string; en: string; example: string }) =>
  rules(IsISO8601({ strict: true, strictSeparator: true }), Doc(doc));

const SetOf = (values: readonly string[], doc: { vi: string; en: string; example: unknown }) =>
  rules(IsArray(), ArrayMaxSize(values.length), ArrayUnique(), IsIn(values, { each: true }), Doc(doc));

const Budget = () =>
  rules(
    IsString({ message: '$property must be a whole number of đồng written as a string, e.g. "5000000000"' }),
    Matches(POSITIVE_MONEY_PATTERN, {
      message: '$property must be a whole, positive number of đồng with at most 15 digits, e.g. "5000000000"',
    }),
    Doc({ vi: 'Kinh phí của đợt (đồng)', en: 'Budget of the call (đồng)', example: '5000000000' }),
  );

/** Who may apply to a call. An empty list means "no restriction" on that dimension. */
export class CallEligibilityDto {
  @IsOptional()
  @SetOf(APPLICANT_KINDS, {
    vi: 'Loại hình được nộp (rỗng: mọi loại hình)',
    en: 'Applicant kinds allowed (empty: any)',
    example: ['rural_industry', 'household_business'],
  })
  applicantKinds?: ApplicantKind[];

  @IsOptional()
  @SetOf(PROVINCE_CODES, {
    vi: 'Tỉnh được nộp (rỗng: mọi tỉnh)',
    en: 'Provinces allowed (empty: any)',
    example: ['66'],
  })
  provinceCodes?: string[];

  @IsOptional()
  @SetOf(TARGET_GROUPS, {
    vi: 'Đối tượng, dự án phải thuộc ít nhất một (rỗng: không yêu cầu)',
    en: 'Target groups, the project must belong to one (empty: none required)',
    example: ['women_led'],
  })
  targetGroups?: TargetGroup[];

  @IsOptional()
  @IsBoolean()
  @Doc({
    vi: 'Dự án phải đã được công bố (mặc định: có)',
    en: 'A published project is required (default: true)',
    example: true,
  })
  publishedProjectRequired?: boolean;

  @IsOptional()
  @ValidateIf((_rules: unknown, value: unknown) => value !== null)
  @TextOfLength(CALL_LIMITS.trainingTopic)
  @Doc({
    vi: 'Phải hoàn thành khoá tập huấn về chủ đề này (null: không yêu cầu)',
    en: 'Training completed on this topic is required (null: not required)',
    example: 'Khởi sự kinh doanh',
  })
  requiredTrainingTopic?: string | null;

  @IsOptional()
  @ValidateIf((_rules: unknown, value: unknown) => value !== null)
  @IsInt()
  @Min(CALL_LIMITS.businessAgeYears.min)
  @Max(CALL_LIMITS.businessAgeYears.max)
  @Doc({
    vi: 'Số năm tối đa từ lần đăng ký kinh doanh đầu tiên (null: không giới hạn)',
    en: 'Maximum years since first business registration (null: no limit)',
    example: 5,
  })
  maxBusinessAgeYears?: number | null;
}

/** One criterion appraisers score. */
export class RubricCriterionDto {
  @IsString()
  @Length(CALL_LIMITS.criterionCode.min, CALL_LIMITS.criterionCode.max)
  @Matches(/^[a-z][a-z0-9_]*$/, { message: '$property must be lower-case letters, digits and _' })
  @Doc({ vi: 'Mã tiêu chí', en: 'Criterion code', example: 'innovation' })
  code!: string;

  @TextOfLength(CALL_LIMITS.criterionLabel)
  @Doc({ vi: 'Tên tiêu chí', en: 'Criterion label', example: 'Tính đổi mới sáng tạo' })
  label!: string;

  @IsInt()
  @Min(1)
  @Max(100)
  @Doc({
    vi: 'Trọng số (%); tổng các tiêu chí là 100',
    en: 'Weight (%); the weights add up to 100',
    example: 40,
  })
  weight!: number;
}

/** Whole-number scores from `min` to `max`. */
export class RubricScaleDto {
  @IsInt()
  @Min(CALL_LIMITS.scale.min)
  @Max(CALL_LIMITS.scale.max)
  @Doc({ vi: 'Điểm thấp nhất', en: 'Lowest score', example: 0 })
  min!: number;

  @IsInt()
  @Min(CALL_LIMITS.scale.min)
  @Max(CALL_LIMITS.scale.max)
  @Doc({ vi: 'Điểm cao nhất (lớn hơn min)', en: 'Highest score (above min)', example: 10 })
  max!: number;
}

/** The rubric appraisers score applications of the call with. */
export class AppraisalRubricDto {
  @IsArray()
  @ArrayMinSize(CALL_LIMITS.criteria.min)
  @ArrayMaxSize(CALL_LIMITS.criteria.max)
  @ArrayUnique((criterion: RubricCriterionDto) => criterion?.code, { message: 'criterion codes must differ' })
  @ValidateNested({ each: true })
  @Type(() => RubricCriterionDto)
  @Doc({ vi: 'Tiêu chí và trọng số', en: 'Criteria and weights' })
  criteria!: RubricCriterionDto[];

  @ValidateNested()
  @Type(() => RubricScaleDto)
  @Doc({ vi: 'Thang điểm', en: 'Scale' })
  scale!: RubricScaleDto;
}

const Title = () =>
  rules(
    TextOfLength(CALL_LIMITS.title),
    Doc({ vi: 'Tên đợt', en: 'Title', example: 'Đợt hỗ trợ khuyến công địa phương năm 2027' }),
  );
const Description = () =>
  rules(
    TextOfLength(CALL_LIMITS.description),
    Doc({
      vi: 'Mô tả, hướng dẫn',
      en: 'Description, guidance',
      example: 'Hỗ trợ cơ sở CNNT đổi mới máy móc.',
    }),
  );
const FiscalYear = () =>
  rules(
    IsInt(),
    Min(CALL_LIMITS.fiscalYear.min),
    Max(CALL_LIMITS.fiscalYear.max),
    Doc({ vi: 'Năm ngân sách', en: 'Fiscal year', example: 2027 }),
  );
const Categories = () =>
  rules(
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(SUPPORT_CATEGORIES.length),
    ArrayUnique(),
    IsIn(SUPPORT_CATEGORIES, { each: true }),
    Doc({
      vi: 'Nội dung hỗ trợ được nhận',
      en: 'Support categories allowed',
      example: ['kc_machinery', 'kc_training'],
    }),
  );
const Allocation = () =>
  rules(
    IsIn(ALLOCATION_RULES),
    Doc({
      vi: 'Thứ tự khi thiếu kinh phí: first_come (nộp trước), score (điểm thẩm định)',
      en: 'Order when the budget runs short: first_come or score',
      example: 'score',
    }),
  );
/**
 * An optional nested object: absent leaves it unchanged, `null` is refused. (`@IsOptional` would let `null` through
 * and make the schema say `nullable` beside a `$ref`, which OpenAPI 3.0 cannot express.)
 */
const WhenPresent = () => ValidateIf((_body: unknown, value: unknown) => value !== undefined);

const Eligibility = () =>
  rules(
    ValidateNested(),
    Type(() => CallEligibilityDto),
    Doc({ vi: 'Điều kiện', en: 'Eligibility rules' }),
  );
const Rubric = () =>
  rules(
    ValidateNested(),
    Type(() => AppraisalRubricDto),
    Doc({ vi: 'Bảng tiêu chí thẩm định', en: 'Appraisal rubric' }),
  );
const OpensAt = () =>
  Instant({ vi: 'Bắt đầu nhận hồ sơ', en: 'Applications open', example: '2027-03-01T00:00:00.000Z' });
const ClosesAt = () =>
  Instant({
    vi: 'Hết hạn nhận hồ sơ (sau opensAt)',
    en: 'Applications close (after opensAt)',
    example: '2027-05-20T17:00:00.000Z',
  });

/** Body of `POST /funding/calls`: a draft call of a fund. */
export class CreateCallDto {
  @IsUUID()
  @Doc({ vi: 'Quỹ', en: 'Fund' })
  fundId!: string;

  @FiscalYear()
  fiscalYear!: number;

  @Title()
  title!: string;

  @IsOptional()
  @Description()
  description?: string;

  @Budget()
  budget!: string;

  @Categories()
  supportCategories!: SupportCategory[];

  @Eligibility()
  eligibility!: CallEligibilityDto;

  @Allocation()
  allocationRule!: AllocationRule;

  @Rubric()
  appraisalRubric!: AppraisalRubricDto;

  @OpensAt()
  opensAt!: string;

  @ClosesAt()
  closesAt!: string;
}

/** Body of `PATCH /funding/calls/{id}`: edits a draft; only the fields sent change. The budget has its own route. */
export class UpdateCallDto {
  @IsOptional()
  @FiscalYear()
  fiscalYear?: number;

  @IsOptional()
  @Title()
  title?: string;

  @IsOptional()
  @Description()
  description?: string;

  @IsOptional()
  @Categories()
  supportCategories?: SupportCategory[];

  @WhenPresent()
  @Eligibility()
  eligibility?: CallEligibilityDto;

  @IsOptional()
  @Allocation()
  allocationRule?: AllocationRule;

  @WhenPresent()
  @Rubric()
  appraisalRubric?: AppraisalRubricDto;

  @IsOptional()
  @OpensAt()
  opensAt?: string;

  @IsOptional()
  @ClosesAt()
  closesAt?: string;

  @IsOptional()
  @BasedOnVersion()
  version?: number;
}

/** Body of `POST /funding/calls/{id}/open|close|finalise` (may be empty). */
export class CallTransitionDto {
  @IsOptional()
  @TextOfLength({ max: CALL_LIMITS.reason.max })
  @Doc({ vi: 'Ghi chú (ghi vào nhật ký)', en: 'Note (kept in the audit trail)' })
  reason?: string;

  @IsOptional()
  @BasedOnVersion()
  version?: number;
}

/** Body of `POST /funding/calls/{id}/budget`: the new budget and why. */
export class ChangeCallBudgetDto {
  @Budget()
  budget!: string;

  @TextOfLength(CALL_LIMITS.reason)
  @Doc({
    vi: 'Lý do điều chỉnh kinh phí',
    en: 'Why the budget changes',
    example: 'Bổ sung kinh phí theo Quyết định 123/QĐ-UBND.',
  })
  reason!: string;

  @IsOptional()
  @BasedOnVersion()
  version?: number;
}

/** `GET /funding/calls`: open calls, closing soonest first, optionally of one fund or fiscal year. */
export class ListOpenCallsQueryDto extends PageQueryDto {
  @IsOptional()
  @IsUUID()
  @Doc({ vi: 'Chỉ đợt của quỹ này', en: 'Only calls of this fund' })
  fundId?: string;

  @IsOptional()
  @Type(() => Number)
  @FiscalYear()
  fiscalYear?: number;
}
