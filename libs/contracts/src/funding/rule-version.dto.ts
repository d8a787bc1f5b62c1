import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Doc } from '../http/doc.js';
import { Money } from '../projects/field-rules.js';
import { PROVINCE_CODES } from '../projects/provinces.js';
import {
  CAPITAL_SOURCES,
  type CapitalSource,
  FUND_KINDS,
  type FundKind,
  PRIORITY_GROUPS,
  PROGRAMMES,
  type PriorityGroup,
  type Programme,
  SUPPORT_CATEGORIES,
  type SupportCategory,
} from './funding-vocabulary.js';
import {
  BASIS_POINTS_FULL,
  DATE_PATTERN,
  RULE_KINDS,
  RULE_TEXT_LIMITS,
  type RuleKind,
} from './rule-vocabulary.js';

const DAY_MESSAGE = '$property must be a calendar date written YYYY-MM-DD, e.g. "2026-01-01"';
const Day = () => Matches(DATE_PATTERN, { message: DAY_MESSAGE });

/**
 * Body of `POST /funding/rules`: a new version of a programme rule (admins). Which fields a kind takes:
 * `support_ceiling` a category and `amountCap` and/or `basisPoints` (share of the cost); `advance_rate` a category
 * and `basisPoints`; `coinvestment_cap` `basisPoints` (share of the private funds' amount); `capital_share_cap`
 * `fundKind`, `capitalSource` and `basisPoints` (share of the fund's capital); `priority_groups` `programme` and
 * `priorityGroups`. The service names any field the kind does not take, or misses.
 */
export class RecordRuleVersionDto {
  @IsIn(RULE_KINDS)
  @Doc({ vi: 'Loại quy định', en: 'Kind of rule', example: 'support_ceiling' })
  kind!: RuleKind;

  @IsOptional()
  @IsIn(PROGRAMMES)
  @Doc({
    vi: 'Chương trình (bắt buộc với priority_groups; các loại khác suy ra từ nội dung hỗ trợ hoặc loại quỹ)',
    en: 'Programme (required for priority_groups; otherwise implied by the category or fund kind)',
    example: 'khuyen_cong',
  })
  programme?: Programme | null;

  @IsOptional()
  @IsIn(SUPPORT_CATEGORIES)
  @Doc({ vi: 'Nội dung hỗ trợ', en: 'Support category', example: 'kc_demonstration_model' })
  category?: SupportCategory | null;

  @IsOptional()
  @IsIn(FUND_KINDS)
  @Doc({ vi: 'Loại quỹ', en: 'Fund kind', example: 'provincial_venture_fund' })
  fundKind?: FundKind | null;

  @IsOptional()
  @IsIn(CAPITAL_SOURCES)
  @Doc({ vi: 'Nguồn vốn', en: 'Capital source', example: 'provincial_budget' })
  capitalSource?: CapitalSource | null;

  @IsOptional()
  @IsString()
  @IsIn(PROVINCE_CODES, {
    message: '$property must be the code of one of the 34 provinces and cities (e.g. 01, 79)',
  })
  @Doc({
    vi: 'Phạm vi: mã tỉnh áp dụng riêng; bỏ trống là toàn quốc',
    en: 'Scope: the province whose own rule this is; absent or null: national',
    example: '66',
  })
  provinceCode?: string | null;

  @IsOptional()
  @Money()
  @Doc({ vi: 'Mức trần tuyệt đối (đồng)', en: 'Absolute ceiling (đồng)', example: '800000000' })
  amountCap?: string | null;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(BASIS_POINTS_FULL, { message: `$property must be at most ${BASIS_POINTS_FULL} (100 %)` })
  @Doc({
    vi: 'Tỷ lệ theo phần vạn (3000 = 30 %)',
    en: 'Rate or share in basis points (3000 = 30 %)',
    example: 3000,
  })
  basisPoints?: number | null;

  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(PRIORITY_GROUPS.length)
  @ArrayUnique()
  @IsIn(PRIORITY_GROUPS, { each: true })
  @Doc({
    vi: 'Nhóm được ưu tiên khi bằng điểm',
    en: 'Groups that go first on a tie',
    example: ['women_led', 'ethnic_minority_led'],
  })
  priorityGroups?: PriorityGroup[] | null;

  @Day()
  @Doc({ vi: 'Ngày bắt đầu có hiệu lực', en: 'First day in force', example: '2026-01-01' })
  effectiveFrom!: string;

  @IsOptional()
  @Day()
  @Doc({
    vi: 'Ngày cuối cùng có hiệu lực (tính cả ngày đó); bỏ trống là đến khi có quy định mới',
    en: 'Last day in force (inclusive); absent: until further notice',
    example: '2026-12-31',
  })
  effectiveUntil?: string | null;

  @IsString()
  @Length(1, RULE_TEXT_LIMITS.legalSourceNumber)
  @Doc({ vi: 'Số hiệu văn bản', en: 'Document number', example: '28/2018/TT-BTC' })
  legalSourceNumber!: string;

  @IsString()
  @Length(1, RULE_TEXT_LIMITS.legalSourceName)
  @Doc({
    vi: 'Tên văn bản',
    en: 'Document title',
    example: 'Thông tư hướng dẫn lập, quản lý và sử dụng kinh phí khuyến công',
  })
  legalSourceName!: string;

  @IsOptional()
  @IsString()
  @MaxLength(RULE_TEXT_LIMITS.reason)
  @Doc({ vi: 'Lý do ghi nhận phiên bản này', en: 'Why this version is recorded' })
  reason?: string | null;
}

/** `GET /funding/rules`: the rules in force on a day, filtered. */
export class ListRulesQueryDto {
  @IsOptional()
  @Day()
  @Doc({ vi: 'Ngày xem xét, mặc định hôm nay (giờ Việt Nam)', en: 'Day, default today (Vietnam time)' })
  on?: string;

  @IsOptional()
  @IsIn(PROGRAMMES)
  @Doc({ vi: 'Chương trình', en: 'Programme', example: 'khuyen_cong' })
  programme?: Programme;

  @IsOptional()
  @IsIn(SUPPORT_CATEGORIES)
  @Doc({ vi: 'Nội dung hỗ trợ', en: 'Support category', example: 'kc_demonstration_model' })
  category?: SupportCategory;

  @IsOptional()
  @IsIn(PROVINCE_CODES, {
    message: '$property must be the code of one of the 34 provinces and cities (e.g. 01, 79)',
  })
  @Doc({
    vi: 'Mã tỉnh: quy định áp dụng ở tỉnh đó (riêng của tỉnh nếu có, nếu không thì toàn quốc); bỏ trống: mọi phạm vi',
    en: 'Province: the rules that apply there (its own where it has one, else the national); absent: every scope',
    example: '66',
  })
  provinceCode?: string;

  @IsOptional()
  @IsIn(RULE_KINDS)
  @Doc({ vi: 'Loại quy định', en: 'Kind of rule', example: 'advance_rate' })
  kind?: RuleKind;
}
