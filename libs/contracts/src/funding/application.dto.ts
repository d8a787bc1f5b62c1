import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsUUID,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Doc } from '../http/doc.js';
import { Money } from '../projects/field-rules.js';
import { PageQueryDto } from '../projects/list-projects.query.js';
import {
  APPLICATION_LIMITS,
  ApplicantKindRule,
  ApplicationBasedOnVersion,
  ApplicationReason,
  AttachmentName,
  AttachmentSize,
  CalendarDate,
  DeclaredPriorityGroups,
  LineDescription,
  MediaType,
  Sha256,
  SupportCategoryRule,
} from './application-field-rules.js';
import {
  APPLICATION_STATUSES,
  type ApplicantKind as ApplicantKindValue,
  type ApplicationStatus,
  type PriorityGroup,
  type SupportCategory as SupportCategoryValue,
} from './funding-vocabulary.js';

/**
 * One budget line of an application (dự toán): what it is for, its cost, what the fund is asked for and what the
 * applicant puts in. Requested + own contribution may not exceed the cost (checked by the service and the database).
 */
export class BudgetLineDto {
  @SupportCategoryRule()
  category!: SupportCategoryValue;

  @LineDescription()
  description!: string;

  @Money()
  @Doc({ vi: 'Tổng chi phí (đồng)', en: 'Cost in đồng', example: '450000000' })
  cost!: string;

  @Money()
  @Doc({ vi: 'Đề nghị hỗ trợ (đồng)', en: 'Requested from the fund (đồng)', example: '300000000' })
  requested!: string;

  @Money()
  @Doc({ vi: 'Vốn đối ứng (đồng)', en: 'Own contribution (đồng)', example: '150000000' })
  ownContribution!: string;
}

/**
 * Where the money comes from: the central budget and the provincial budget share what is requested, the applicant
 * puts in the own contribution. At submission central + provincial = Σ requested and own = Σ own contributions.
 */
export class CoFinancingDto {
  @Money()
  @Doc({ vi: 'Ngân sách trung ương (đồng)', en: 'Central budget (đồng)', example: '0' })
  central!: string;

  @Money()
  @Doc({ vi: 'Ngân sách địa phương (đồng)', en: 'Provincial budget (đồng)', example: '300000000' })
  provincial!: string;

  @Money()
  @Doc({ vi: 'Vốn đối ứng của cơ sở (đồng)', en: "Applicant's own money (đồng)", example: '150000000' })
  own!: string;
}

/** What is known of an attached document (the file itself lives in document storage). */
export class AttachmentDto {
  @AttachmentName()
  name!: string;

  @MediaType()
  mediaType!: string;

  @AttachmentSize()
  sizeBytes!: number;

  @Sha256()
  sha256!: string;
}

const BudgetLines = () => (target: object, key: string | symbol) => {
  IsArray()(target, key);
  ArrayMaxSize(APPLICATION_LIMITS.budgetLines.max)(target, key);
  ValidateNested({ each: true })(target, key);
  Type(() => BudgetLineDto)(target, key);
  Doc({ vi: 'Các khoản dự toán (ít nhất một khi nộp)', en: 'Budget lines (at least one to submit)' })(
    target,
    key,
  );
};

const Attachments = () => (target: object, key: string | symbol) => {
  IsArray()(target, key);
  ArrayMaxSize(APPLICATION_LIMITS.attachments.max)(target, key);
  ValidateNested({ each: true })(target, key);
  Type(() => AttachmentDto)(target, key);
  Doc({ vi: 'Hồ sơ đính kèm (siêu dữ liệu)', en: 'Attachments (metadata)' })(target, key);
};

const CoFinancing = () => (target: object, key: string | symbol) => {
  IsObject()(target, key);
  ValidateNested()(target, key);
  Type(() => CoFinancingDto)(target, key);
  Doc({ vi: 'Cơ cấu nguồn vốn', en: 'Co-financing split' })(target, key);
};

/** A field absent from a PATCH body keeps its value. */
const IfPresent = () => ValidateIf((_object: unknown, value: unknown) => value !== undefined);

/** Body of `POST /funding/applications`: a draft đề án for one of the founder's own published projects. */
export class CreateApplicationDto {
  @IsUUID()
  @Doc({ vi: 'Đợt kêu gọi', en: 'Funding call' })
  callId!: string;

  @IsUUID()
  @Doc({ vi: 'Dự án của bạn (đã công bố)', en: 'Your project (published)' })
  projectId!: string;

  @ApplicantKindRule()
  applicantKind!: ApplicantKindValue;

  @IsOptional()
  @CalendarDate()
  @Doc({
    vi: 'Ngày đăng ký kinh doanh lần đầu',
    en: 'Date of first business registration',
    example: '2023-05-17',
  })
  businessRegisteredOn?: string | null;

  @IsOptional()
  @DeclaredPriorityGroups()
  priorityGroups?: PriorityGroup[];

  @IsOptional()
  @BudgetLines()
  budgetLines?: BudgetLineDto[];

  @IsOptional()
  @CoFinancing()
  coFinancing?: CoFinancingDto;

  @IsOptional()
  @Attachments()
  attachments?: AttachmentDto[];
}

/**
 * Body of `PATCH /funding/applications/{id}`: only the fields given change; lists are replaced whole. Needs the
 * version the edit is based on (`If-Match` or `version`).
 */
export class UpdateApplicationDto {
  @IfPresent()
  @ApplicantKindRule()
  applicantKind?: ApplicantKindValue;

  @IsOptional()
  @CalendarDate()
  @Doc({ vi: 'Ngày đăng ký kinh doanh lần đầu; null để xóa', en: 'First business registration; null clears' })
  businessRegisteredOn?: string | null;

  @IfPresent()
  @DeclaredPriorityGroups()
  priorityGroups?: PriorityGroup[];

  @IfPresent()
  @BudgetLines()
  budgetLines?: BudgetLineDto[];

  @IfPresent()
  @CoFinancing()
  coFinancing?: CoFinancingDto;

  @IfPresent()
  @Attachments()
  attachments?: AttachmentDto[];

  @IsOptional()
  @ApplicationBasedOnVersion()
  version?: number;
}

/** Body of `POST /funding/applications/{id}/submit` (may be empty). */
export class SubmitApplicationDto {
  @IsOptional()
  @ApplicationBasedOnVersion()
  version?: number;
}

/** Body of `POST /funding/applications/{id}/withdraw`: an optional reason. */
export class WithdrawApplicationDto {
  @IsOptional()
  @ApplicationReason()
  reason?: string;

  @IsOptional()
  @ApplicationBasedOnVersion()
  version?: number;
}

/**
 * `GET /funding/applications`: a founder's own applications; fund staff see every application, usually of one call.
 * Newest first, cursor pages.
 */
export class ListApplicationsQueryDto extends PageQueryDto {
  @IsOptional()
  @IsUUID()
  @Doc({ vi: 'Chỉ đề án của đợt này', en: 'Only applications to this call' })
  callId?: string;

  @IfPresent()
  @IsIn(APPLICATION_STATUSES)
  @Doc({ vi: 'Chỉ đề án ở trạng thái này', en: 'Only applications in this status', example: 'submitted' })
  status?: ApplicationStatus;
}
