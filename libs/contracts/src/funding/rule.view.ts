import { IsArray, IsIn, IsInt, IsISO8601, IsString, IsUUID, Matches } from 'class-validator';
import { Doc, Nullable } from '../http/doc.js';
import { MONEY_PATTERN } from '../projects/project-vocabulary.js';
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
import { DATE_PATTERN, RULE_KINDS, type RuleKind } from './rule-vocabulary.js';

// Views are what the API answers; their decorators document them (OpenAPI), nothing validates them at run time.

/** One version of a programme rule. Money is a string of whole đồng, rates are basis points, days `YYYY-MM-DD`. */
export class RuleVersionView {
  @IsUUID()
  @Doc({ vi: 'Mã phiên bản (ghi kèm quyết định đã áp dụng nó)', en: 'Version id (recorded by decisions)' })
  id!: string;

  @IsUUID()
  @Doc({
    vi: 'Mã quy định, chung cho mọi phiên bản và phạm vi; xem lịch sử tại /funding/rules/{ruleId}/versions',
    en: 'Rule id, shared by all its versions and scopes; history at /funding/rules/{ruleId}/versions',
  })
  ruleId!: string;

  @IsIn(RULE_KINDS)
  @Doc({ vi: 'Loại quy định', en: 'Kind of rule' })
  kind!: RuleKind;

  @IsIn(PROGRAMMES)
  @Doc({ vi: 'Chương trình', en: 'Programme' })
  programme!: Programme;

  @Nullable()
  @IsIn(SUPPORT_CATEGORIES)
  @Doc({ vi: 'Nội dung hỗ trợ', en: 'Support category' })
  category!: SupportCategory | null;

  @Nullable()
  @IsIn(FUND_KINDS)
  @Doc({ vi: 'Loại quỹ', en: 'Fund kind' })
  fundKind!: FundKind | null;

  @Nullable()
  @IsIn(CAPITAL_SOURCES)
  @Doc({ vi: 'Nguồn vốn', en: 'Capital source' })
  capitalSource!: CapitalSource | null;

  @Nullable()
  @IsIn(PROVINCE_CODES)
  @Doc({ vi: 'Tỉnh áp dụng riêng; null là toàn quốc', en: 'Province of its own rule; null: national' })
  provinceCode!: string | null;

  @Nullable()
  @Matches(MONEY_PATTERN)
  @Doc({ vi: 'Mức trần tuyệt đối (đồng)', en: 'Absolute ceiling (đồng)', example: '1000000000' })
  amountCap!: string | null;

  @Nullable()
  @IsInt()
  @Doc({ vi: 'Tỷ lệ theo phần vạn (3000 = 30 %)', en: 'Rate or share in basis points', example: 3000 })
  basisPoints!: number | null;

  @Nullable()
  @IsArray()
  @IsIn(PRIORITY_GROUPS, { each: true })
  @Doc({ vi: 'Nhóm được ưu tiên', en: 'Priority groups' })
  priorityGroups!: PriorityGroup[] | null;

  @Matches(DATE_PATTERN)
  @Doc({ vi: 'Ngày bắt đầu có hiệu lực', en: 'First day in force', example: '2018-05-12' })
  effectiveFrom!: string;

  @Nullable()
  @Matches(DATE_PATTERN)
  @Doc({ vi: 'Ngày cuối cùng có hiệu lực', en: 'Last day in force (inclusive)' })
  effectiveUntil!: string | null;

  @IsString()
  @Doc({ vi: 'Số hiệu văn bản', en: 'Document number', example: '28/2018/TT-BTC' })
  legalSourceNumber!: string;

  @IsString()
  @Doc({ vi: 'Tên văn bản', en: 'Document title' })
  legalSourceName!: string;

  @Nullable()
  @IsString()
  @Doc({ vi: 'Lý do', en: 'Why it was recorded' })
  reason!: string | null;

  @Nullable()
  @IsUUID()
  @Doc({ vi: 'Người ghi nhận; null là dữ liệu khởi tạo', en: 'Who recorded it; null: the seed' })
  recordedBy!: string | null;

  @IsISO8601({ strict: true })
  @Doc({ vi: 'Thời điểm ghi nhận', en: 'When it was recorded' })
  recordedAt!: string;
}
