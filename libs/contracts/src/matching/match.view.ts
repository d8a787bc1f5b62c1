import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsNumber,
  IsString,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { BilingualTextView } from '../funding/application.view.js';
import { Doc, Nullable } from '../http/doc.js';
import { Money, OcopStars, rules } from '../projects/field-rules.js';
import {
  CERTIFICATION_LEVELS,
  type CertificationLevel,
  PROJECT_SECTORS,
  PROJECT_STAGES,
  type ProjectSector,
  type ProjectStage,
  TARGET_GROUPS,
  type TargetGroup,
} from '../projects/project-vocabulary.js';
import { PROVINCE_CODES } from '../projects/provinces.js';
import { InvestorCardView } from './investor-profile.view.js';
import { MATCH_CRITERIA, MATCH_MARKS, type MatchCriterion, type MatchMark } from './matching-vocabulary.js';

// Views are what the API answers; their decorators document them (OpenAPI), nothing validates them at run time.

/** The hard filters that exclude a project before any criterion is scored. */
export const MATCH_FILTERS = ['ticket', 'excluded_sector', 'province'] as const;
export type MatchFilter = (typeof MATCH_FILTERS)[number];

const Score = () =>
  rules(
    IsNumber({ maxDecimalPlaces: 2 }),
    Min(0),
    Max(100),
    Doc({
      vi: 'Điểm phù hợp, 0–100 (hai chữ số thập phân)',
      en: 'Match score, 0–100 (two decimals)',
      example: 72.5,
    }),
  );

/** One criterion of an explained match: what was compared, its weight, the points it gave, and why. */
export class MatchCriterionView {
  @IsIn(MATCH_CRITERIA)
  @Doc({ vi: 'Tiêu chí', en: 'Criterion', example: 'sector' })
  criterion!: MatchCriterion;

  @IsNumber()
  @Doc({ vi: 'Trọng số: điểm tối đa của tiêu chí', en: 'Weight: the most points it can give', example: 25 })
  weight!: number;

  @IsNumber({ maxDecimalPlaces: 2 })
  @Doc({ vi: 'Điểm đạt được, 0 đến trọng số', en: 'Points it gave, 0 to the weight', example: 25 })
  points!: number;

  @IsString()
  @Doc({
    vi: 'Phía nhà đầu tư đã so sánh',
    en: "The investor's side compared",
    example: 'agriculture_food, tourism',
  })
  investorSide!: string;

  @IsString()
  @Doc({ vi: 'Phía dự án đã so sánh', en: "The project's side compared", example: 'agriculture_food' })
  projectSide!: string;

  @ValidateNested()
  @Type(() => BilingualTextView)
  @Doc({
    vi: 'Một câu giải thích, tiếng Việt và tiếng Anh',
    en: 'One sentence, in Vietnamese and English',
    example: { vi: 'Cùng lĩnh vực Nông nghiệp – thực phẩm', en: 'Same sector: agriculture and food' },
  })
  explanation!: BilingualTextView;
}

/** A hard filter and what it found: passed (listed with a match) or failed (why a project is excluded). */
export class MatchFilterView {
  @IsIn(MATCH_FILTERS)
  @Doc({ vi: 'Điều kiện loại trừ', en: 'Hard filter', example: 'ticket' })
  filter!: MatchFilter;

  @ValidateNested()
  @Type(() => BilingualTextView)
  @Doc({
    example: {
      vi: 'Ticket 500 triệu–2 tỷ ₫ bao trùm số vốn cần 1,5 tỷ ₫',
      en: 'Ticket ₫500 million–₫2 billion covers the ask of ₫1.5 billion',
    },
  })
  explanation!: BilingualTextView;
}

/** A published project as an investor sees it in their matches (no contact data). */
export class MatchedProjectView {
  @IsUUID()
  @Doc({ vi: 'Mã dự án', en: 'Project id' })
  id!: string;

  @IsString()
  @Doc({ example: 'Cà phê đặc sản Buôn Ma Thuột' })
  title!: string;

  @IsString()
  summary!: string;

  @IsIn(PROJECT_SECTORS)
  sector!: ProjectSector;

  @IsIn(PROJECT_STAGES)
  stage!: ProjectStage;

  @IsIn(PROVINCE_CODES)
  @Doc({ example: '66' })
  provinceCode!: string;

  @Nullable()
  @IsString()
  @Doc({ example: 'Phường Buôn Ma Thuột' })
  commune!: string | null;

  @Money()
  @Doc({ vi: 'Vốn cần (đồng)', en: 'Funding ask (whole đồng)', example: '1500000000' })
  fundingAsk!: string;

  @IsArray()
  @IsIn(TARGET_GROUPS, { each: true })
  targetGroups!: TargetGroup[];

  @Nullable()
  @OcopStars()
  ocopStars!: number | null;

  @Nullable()
  @IsIn(CERTIFICATION_LEVELS)
  certificationLevel!: CertificationLevel | null;

  @Nullable()
  @IsISO8601({ strict: true })
  publishedAt!: string | null;
}

/**
 * One project matched to the calling investor, explained criterion by criterion; or, read alone, why a hard filter
 * excludes it (`excluded`, with `exclusion` and no score).
 */
export class ProjectMatchView {
  @ValidateNested()
  @Type(() => MatchedProjectView)
  project!: MatchedProjectView;

  @IsBoolean()
  @Doc({ vi: 'Bị loại bởi một điều kiện bắt buộc', en: 'A hard filter excludes the project' })
  excluded!: boolean;

  @Nullable()
  @Score()
  score!: number | null;

  @ValidateNested({ each: true })
  @Type(() => MatchCriterionView)
  @Doc({ vi: 'Từng tiêu chí (rỗng khi bị loại)', en: 'Each criterion (empty when excluded)' })
  criteria!: MatchCriterionView[];

  @ValidateNested({ each: true })
  @Type(() => MatchFilterView)
  @Doc({
    vi: 'Các điều kiện bắt buộc đã đạt (khi bị loại: điều kiện không đạt)',
    en: 'The hard filters passed (when excluded: the one that failed)',
  })
  filters!: MatchFilterView[];

  @Nullable()
  @IsIn(MATCH_MARKS)
  @Doc({ vi: 'Đánh dấu của bạn', en: 'Your mark', example: 'saved' })
  mark!: MatchMark | null;

  @IsUUID()
  @Doc({ vi: 'Phiên bản trọng số đã dùng', en: 'The weights version that scored it' })
  weightsVersionId!: string;
}

/** An investor's mark on a project, or none. */
export class MatchMarkView {
  @IsUUID()
  projectId!: string;

  @Nullable()
  @IsIn(MATCH_MARKS)
  @Doc({ vi: 'Đánh dấu; null là không có', en: 'The mark; null: none', example: 'saved' })
  mark!: MatchMark | null;

  @Nullable()
  @IsISO8601({ strict: true })
  @Doc({ vi: 'Thời điểm đánh dấu', en: 'When it was marked' })
  markedAt!: string | null;
}

/** An investor whose profile fits a founder's project: the public card (never contact details), explained. */
export class InvestorMatchView {
  @ValidateNested()
  @Type(() => InvestorCardView)
  investor!: InvestorCardView;

  @Score()
  score!: number;

  @ValidateNested({ each: true })
  @Type(() => MatchCriterionView)
  @Doc({ vi: 'Từng tiêu chí', en: 'Each criterion' })
  criteria!: MatchCriterionView[];

  @ValidateNested({ each: true })
  @Type(() => MatchFilterView)
  @Doc({ vi: 'Các điều kiện bắt buộc đã đạt', en: 'The hard filters passed' })
  filters!: MatchFilterView[];

  @IsUUID()
  @Doc({ vi: 'Phiên bản trọng số đã dùng', en: 'The weights version that scored it' })
  weightsVersionId!: string;
}

/** One of the founder's published projects with its best-fitting investors. */
export class ProjectInvestorMatchesView {
  @ValidateNested()
  @Type(() => MatchedProjectView)
  project!: MatchedProjectView;

  @ValidateNested({ each: true })
  @Type(() => InvestorMatchView)
  @Doc({ vi: 'Các nhà đầu tư phù hợp nhất, điểm cao trước', en: 'The best-fitting investors, best first' })
  investors!: InvestorMatchView[];
}
