import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Doc } from '../http/doc.js';
import { TextOfLength } from '../projects/field-rules.js';
import { PageQueryDto } from '../projects/list-projects.query.js';
import { APPRAISAL_LIMITS } from './appraisal-vocabulary.js';
import { CALL_LIMITS } from './call.dto.js';

/** Appraisers a fund officer assigns to a submitted application. */
export class AssignAppraisersDto {
  @IsArray()
  @ArrayMinSize(APPRAISAL_LIMITS.appraisers.min)
  @ArrayMaxSize(APPRAISAL_LIMITS.appraisers.max)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  @Doc({
    vi: 'Tài khoản cán bộ quỹ làm thẩm định viên (đã đăng ký sẵn sàng thẩm định)',
    en: 'Fund officer accounts to appraise (on the appraiser roster)',
    example: ['0192f1c2-5a1e-7c3b-9d4e-1f2a3b4c5d6e'],
  })
  appraiserIds!: string[];
}

/** An appraiser's declaration about a conflict of interest: none, or recusal with the reason. */
export class DeclareConflictDto {
  @IsIn(['no_conflict', 'recused'])
  @Doc({
    vi: 'Không có xung đột lợi ích (no_conflict), hoặc xin rút (recused)',
    en: 'No conflict of interest (no_conflict), or recusal (recused)',
    example: 'no_conflict',
  })
  declaration!: 'no_conflict' | 'recused';

  @ValidateIf((dto: DeclareConflictDto) => dto.declaration === 'recused' || dto.reason !== undefined)
  @TextOfLength(APPRAISAL_LIMITS.reason)
  @Doc({
    vi: 'Lý do rút (bắt buộc khi rút)',
    en: 'Why (required with a recusal)',
    example: 'Là người thân của chủ dự án.',
  })
  reason?: string;
}

/** One criterion scored, with an optional comment. */
export class CriterionScoreDto {
  @IsString()
  @Length(CALL_LIMITS.criterionCode.min, CALL_LIMITS.criterionCode.max)
  @Doc({ vi: 'Mã tiêu chí của đợt', en: "Code of one of the call's criteria", example: 'innovation' })
  criterion!: string;

  @IsInt()
  @Min(CALL_LIMITS.scale.min)
  @Max(CALL_LIMITS.scale.max)
  @Doc({
    vi: 'Điểm, số nguyên trong thang điểm của đợt',
    en: "Score, a whole number on the call's scale",
    example: 8,
  })
  score!: number;

  @IsOptional()
  @TextOfLength(APPRAISAL_LIMITS.comment)
  @Doc({
    vi: 'Nhận xét',
    en: 'Comment',
    example: 'Quy trình rang có kiểm soát nhiệt độ, sản phẩm khác biệt.',
  })
  comment?: string;
}

/** An appraiser's scores: every criterion of the call's rubric, once. Sending again revises them. */
export class ScoreAppraisalDto {
  @IsArray()
  @ArrayMinSize(CALL_LIMITS.criteria.min)
  @ArrayMaxSize(CALL_LIMITS.criteria.max)
  @ArrayUnique((entry: CriterionScoreDto) => entry?.criterion, { message: 'each criterion is scored once' })
  @ValidateNested({ each: true })
  @Type(() => CriterionScoreDto)
  @Doc({ vi: 'Điểm từng tiêu chí', en: 'A score per criterion' })
  scores!: CriterionScoreDto[];
}

/** `GET /funding/appraisals/mine`: the caller's assignments, newest first. */
export class ListMyAppraisalsQueryDto extends PageQueryDto {}

/** A fund officer closes an appraisal: the scores become final. */
export class CloseAppraisalDto {
  @IsOptional()
  @TextOfLength(APPRAISAL_LIMITS.reason)
  @Doc({ vi: 'Ghi chú khi kết thúc', en: 'Note on closing', example: 'Đủ 3 thẩm định viên đã chấm.' })
  reason?: string;
}
