import { Type } from 'class-transformer';
import { IsBoolean, IsISO8601, IsString, IsUUID, Matches, ValidateNested } from 'class-validator';
import { DATE_PATTERN } from '../funding/rule-vocabulary.js';
import { Doc, Nullable } from '../http/doc.js';
import { MatchWeightPointsDto } from './match-weights.dto.js';

// Views are what the API answers; their decorators document them (OpenAPI), nothing validates them at run time.

/** One dated version of the match weights. */
export class MatchWeightsVersionView {
  @IsUUID()
  @Doc({
    vi: 'Mã phiên bản (mỗi điểm số ghi phiên bản đã dùng)',
    en: 'Version id (every score names its version)',
  })
  id!: string;

  @Matches(DATE_PATTERN)
  @Doc({
    vi: 'Ngày bắt đầu có hiệu lực (giờ Việt Nam)',
    en: 'First day in force (Vietnam time)',
    example: '2025-07-01',
  })
  effectiveFrom!: string;

  @IsISO8601({ strict: true })
  @Doc({ vi: 'Thời điểm bắt đầu có hiệu lực', en: 'The instant it comes into force' })
  effectiveAt!: string;

  @IsBoolean()
  @Doc({ vi: 'Đang có hiệu lực', en: 'The version in force now' })
  inForce!: boolean;

  @IsString()
  @Doc({ vi: 'Lý do', en: 'Why it was recorded' })
  reason!: string;

  @ValidateNested()
  @Type(() => MatchWeightPointsDto)
  @Doc({ vi: 'Điểm tối đa của từng tiêu chí (tổng 100)', en: 'Most points of each criterion (100 in all)' })
  points!: MatchWeightPointsDto;

  @Nullable()
  @IsUUID()
  @Doc({ vi: 'Người ghi nhận; null là dữ liệu khởi tạo', en: 'Who recorded it; null: the seed' })
  recordedBy!: string | null;

  @IsISO8601({ strict: true })
  @Doc({ vi: 'Thời điểm ghi nhận', en: 'When it was recorded' })
  recordedAt!: string;
}

/** The match weights: the version in force and every version, the latest effective first. */
export class MatchWeightsView {
  @ValidateNested()
  @Type(() => MatchWeightsVersionView)
  @Doc({ vi: 'Phiên bản đang có hiệu lực', en: 'The version in force' })
  inForce!: MatchWeightsVersionView;

  @ValidateNested({ each: true })
  @Type(() => MatchWeightsVersionView)
  @Doc({
    vi: 'Mọi phiên bản, kể cả phiên bản sắp có hiệu lực; hiệu lực muộn nhất trước',
    en: 'Every version, scheduled ones included; the latest effective first',
  })
  versions!: MatchWeightsVersionView[];
}
