import { Type } from 'class-transformer';
import { IsDefined, IsInt, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { DATE_PATTERN } from '../funding/rule-vocabulary.js';
import { Doc } from '../http/doc.js';
import { rules } from '../projects/field-rules.js';
import { MATCH_WEIGHTS_TOTAL } from './match-weights-events.js';
import { MATCHING_TEXT_LIMITS, type MatchCriterion } from './matching-vocabulary.js';

const Points = (doc: { vi: string; en: string; example: number }) =>
  rules(
    IsInt({ message: '$property must be a whole number of points' }),
    Min(0),
    Max(MATCH_WEIGHTS_TOTAL),
    Doc(doc),
  );

/**
 * The most points each criterion of MATCH_CRITERIA gives (one property each, named as the criterion); together
 * they add up to 100, checked by the service, which names `points` when they do not.
 */
export class MatchWeightPointsDto implements Record<MatchCriterion, number> {
  @Points({ vi: 'Lĩnh vực', en: 'Sector', example: 25 })
  sector!: number;

  @Points({ vi: 'Giai đoạn', en: 'Stage', example: 15 })
  stage!: number;

  @Points({ vi: 'Tỉnh và vùng kinh tế - xã hội', en: 'Province and socio-economic region', example: 15 })
  province_region!: number;

  @Points({ vi: 'Đối tượng ưu tiên', en: 'Target groups', example: 10 })
  target_groups!: number;

  @Points({ vi: 'Sao OCOP, chứng nhận sản phẩm CNNT', en: 'OCOP stars, product certification', example: 10 })
  ocop_certification!: number;

  @Points({ vi: 'Luận điểm đầu tư khớp với dự án', en: 'Thesis text relevance', example: 15 })
  thesis_text!: number;

  @Points({ vi: 'Đã hoàn thành khoá đào tạo', en: 'Training completed', example: 10 })
  training!: number;
}

/** Body of `POST /matching/weights` (admins): a new version of the match weights, never an overwrite. */
export class RecordMatchWeightsDto {
  @Matches(DATE_PATTERN, {
    message: '$property must be a calendar date written YYYY-MM-DD, e.g. "2026-01-01"',
  })
  @Doc({
    vi: 'Ngày bắt đầu có hiệu lực (giờ Việt Nam), từ hôm nay trở đi',
    en: 'First day in force (Vietnam time), today or later',
    example: '2026-09-01',
  })
  effectiveFrom!: string;

  @IsString()
  @Length(MATCHING_TEXT_LIMITS.reason.min, MATCHING_TEXT_LIMITS.reason.max)
  @Doc({
    vi: 'Lý do thay đổi',
    en: 'Why the weights change',
    example: 'Tăng trọng số đối tượng ưu tiên theo Đề án 939',
  })
  reason!: string;

  @IsDefined()
  @ValidateNested()
  @Type(() => MatchWeightPointsDto)
  @Doc({
    vi: `Điểm tối đa của từng tiêu chí, số nguyên ≥ 0, tổng ${MATCH_WEIGHTS_TOTAL}`,
    en: `Most points of each criterion, whole numbers ≥ 0, ${MATCH_WEIGHTS_TOTAL} in all`,
  })
  points!: MatchWeightPointsDto;
}
