import { Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsString,
  IsUUID,
  Min,
  ValidateNested,
} from 'class-validator';
import { Doc, Nullable } from '../http/doc.js';
import {
  APPRAISAL_STATUSES,
  type AppraisalStatus,
  CONFLICT_DECLARATIONS,
  type ConflictDeclaration,
} from './appraisal-vocabulary.js';
import { AppraisalRubricView } from './call.view.js';

// Views are documentation of what the API answers (OpenAPI schemas are generated from them), not input rules.

const Instant = () => IsISO8601({ strict: true });

/** A fund officer on the appraiser roster. */
export class AppraiserView {
  @IsUUID()
  @Doc({ vi: 'Tài khoản', en: 'Account' })
  accountId!: string;

  @IsString()
  @Doc({ vi: 'Họ tên', en: 'Name' })
  name!: string;

  @IsArray()
  @IsString({ each: true })
  @Doc({ vi: 'Vai trò khi đăng ký', en: 'Roles when they joined' })
  roles!: string[];

  @Instant()
  joinedAt!: string;

  @Instant()
  updatedAt!: string;
}

/** One criterion as an appraiser scored it. */
export class CriterionScoreView {
  @IsString()
  @Doc({ vi: 'Mã tiêu chí', en: 'Criterion code', example: 'innovation' })
  criterion!: string;

  @IsString()
  @Doc({ vi: 'Tên tiêu chí', en: 'Criterion label' })
  label!: string;

  @IsInt()
  @Doc({ vi: 'Trọng số (%)', en: 'Weight (%)', example: 40 })
  weight!: number;

  @IsInt()
  @Doc({ vi: 'Điểm', en: 'Score', example: 8 })
  score!: number;

  @Nullable()
  @IsString()
  @Doc({ vi: 'Nhận xét', en: 'Comment' })
  comment!: string | null;
}

/** One appraiser of an application: their declaration and their latest scores. */
export class AppraiserAssessmentView {
  @IsUUID()
  @Doc({ vi: 'Thẩm định viên', en: 'Appraiser' })
  appraiserId!: string;

  @IsString()
  @Doc({ vi: 'Họ tên thẩm định viên', en: "Appraiser's name" })
  appraiserName!: string;

  @IsUUID()
  @Doc({ vi: 'Cán bộ phân công', en: 'Assigned by' })
  assignedBy!: string;

  @Instant()
  assignedAt!: string;

  @IsIn(CONFLICT_DECLARATIONS)
  @Doc({
    vi: 'Khai báo xung đột lợi ích: chưa khai (pending), không có (no_conflict), rút (recused)',
    en: 'Conflict of interest: not declared yet (pending), none (no_conflict), recused',
  })
  declaration!: ConflictDeclaration;

  @Nullable()
  @Instant()
  declaredAt!: string | null;

  @Nullable()
  @IsString()
  @Doc({ vi: 'Lý do rút', en: 'Why they recused' })
  recusalReason!: string | null;

  @IsInt()
  @Min(0)
  @Doc({ vi: 'Số lần đã chấm (0: chưa chấm)', en: 'Times scored (0: not yet)', example: 1 })
  revision!: number;

  @Nullable()
  @IsNumber()
  @Doc({
    vi: 'Điểm bình quân gia quyền (Σ điểm × trọng số / 100), trên thang điểm của đợt',
    en: "Weighted mean (Σ score × weight / 100), on the call's scale",
    example: 7.9,
  })
  weightedMean!: number | null;

  @Nullable()
  @Instant()
  scoredAt!: string | null;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => CriterionScoreView)
  @Doc({
    vi: 'Điểm từng tiêu chí (ẩn với thẩm định viên khác chưa chấm)',
    en: 'Scores per criterion (hidden from another appraiser who has not scored yet)',
  })
  scores!: CriterionScoreView[];
}

/** What the approver sees: how many appraised, their weighted means together, how far apart. */
export class AppraisalSummaryView {
  @IsInt()
  @Doc({ vi: 'Số thẩm định viên được phân công', en: 'Appraisers assigned', example: 3 })
  assigned!: number;

  @IsInt()
  @Doc({ vi: 'Số thẩm định viên đã chấm', en: 'Appraisers who scored', example: 2 })
  scored!: number;

  @IsInt()
  @Doc({ vi: 'Số thẩm định viên đã rút', en: 'Appraisers who recused', example: 1 })
  recused!: number;

  @IsInt()
  @Doc({ vi: 'Số thẩm định viên chưa khai báo', en: 'Appraisers yet to declare', example: 0 })
  pending!: number;

  @Nullable()
  @IsNumber()
  @Doc({
    vi: 'Điểm chung: trung bình các điểm bình quân gia quyền',
    en: "Overall: mean of the appraisers' weighted means",
    example: 7,
  })
  mean!: number | null;

  @Nullable()
  @IsNumber()
  @Doc({ vi: 'Thấp nhất', en: 'Lowest weighted mean', example: 6.1 })
  min!: number | null;

  @Nullable()
  @IsNumber()
  @Doc({ vi: 'Cao nhất', en: 'Highest weighted mean', example: 7.9 })
  max!: number | null;

  @Nullable()
  @IsNumber()
  @Doc({
    vi: 'Độ lệch chuẩn (tổng thể) của các điểm bình quân',
    en: 'Standard deviation (population) of the weighted means',
    example: 0.9,
  })
  standardDeviation!: number | null;
}

/** The appraisal (thẩm định) of one application. */
export class AppraisalView {
  @IsUUID()
  @Doc({ vi: 'Đề án', en: 'Application' })
  applicationId!: string;

  @IsUUID()
  @Doc({ vi: 'Đợt kêu gọi', en: 'Funding call' })
  callId!: string;

  @IsIn(APPRAISAL_STATUSES)
  @Doc({ vi: 'Đang chấm (open) hoặc đã kết thúc (closed)', en: 'Open to scores, or closed' })
  status!: AppraisalStatus;

  @IsInt()
  @Min(1)
  @Doc({ vi: 'Phiên bản', en: 'Version', example: 3 })
  version!: number;

  @ValidateNested()
  @Type(() => AppraisalRubricView)
  @Doc({ vi: 'Bảng tiêu chí khi bắt đầu thẩm định', en: 'The rubric as it was when the appraisal opened' })
  rubric!: AppraisalRubricView;

  @Instant()
  openedAt!: string;

  @Nullable()
  @Instant()
  closedAt!: string | null;

  @Nullable()
  @IsUUID()
  closedBy!: string | null;

  @Nullable()
  @IsString()
  closeReason!: string | null;

  @ValidateNested()
  @Type(() => AppraisalSummaryView)
  @Doc({ vi: 'Tổng hợp cho người phê duyệt', en: 'The summary the approver sees' })
  summary!: AppraisalSummaryView;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => AppraiserAssessmentView)
  @Doc({ vi: 'Từng thẩm định viên', en: 'Each appraiser' })
  appraisers!: AppraiserAssessmentView[];
}

/** One of the caller's assignments: which application, where the appraisal and their part of it stand. */
export class MyAppraisalView {
  @IsUUID()
  @Doc({ vi: 'Đề án', en: 'Application' })
  applicationId!: string;

  @IsUUID()
  @Doc({ vi: 'Đợt kêu gọi', en: 'Funding call' })
  callId!: string;

  @IsIn(APPRAISAL_STATUSES)
  @Doc({ vi: 'Thẩm định đang chấm hay đã kết thúc', en: 'Appraisal open or closed' })
  appraisalStatus!: AppraisalStatus;

  @IsIn(CONFLICT_DECLARATIONS)
  @Doc({ vi: 'Khai báo của bạn', en: 'Your declaration' })
  declaration!: ConflictDeclaration;

  @IsInt()
  @Min(0)
  @Doc({ vi: 'Số lần bạn đã chấm', en: 'Times you scored', example: 0 })
  revision!: number;

  @Nullable()
  @IsNumber()
  @Doc({ vi: 'Điểm bình quân gia quyền của bạn', en: 'Your weighted mean', example: 7.9 })
  weightedMean!: number | null;

  @Instant()
  assignedAt!: string;

  @Nullable()
  @Instant()
  scoredAt!: string | null;
}
