import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsISO8601, IsString, IsUUID, Min, ValidateNested } from 'class-validator';
import { Doc, Nullable } from '../http/doc.js';
import { Money } from '../projects/field-rules.js';
import { PROVINCE_CODES } from '../projects/provinces.js';
import { CAPITAL_SOURCES, type CapitalSource, FUND_KINDS, type FundKind } from './funding-vocabulary.js';

/** One source of capital and its amount. */
export class CapitalAmountView {
  @IsIn(CAPITAL_SOURCES)
  source!: CapitalSource;

  @Money()
  @Doc({ vi: 'Số đồng', en: 'Whole đồng', example: '49000000000' })
  amount!: string;
}

/** The capital-share rule applied at the fund's last change (Decree 264/2025 for a provincial venture fund). */
export class CapitalRuleView {
  @IsInt()
  @Min(0)
  @Doc({
    vi: 'Trần tỷ lệ ngân sách tỉnh, phần vạn (4900 = 49 %)',
    en: 'Cap on the provincial-budget share, basis points (4900 = 49 %)',
    example: 4900,
  })
  provincialBudgetCapBasisPoints!: number;

  @IsString()
  @Doc({ vi: 'Phiên bản quy định đã áp dụng', en: 'Rule version applied' })
  ruleVersionId!: string;
}

/** A fund as the API returns it. */
export class FundView {
  @IsUUID()
  @Doc({ vi: 'Mã quỹ', en: 'Fund id' })
  id!: string;

  @IsIn(FUND_KINDS)
  kind!: FundKind;

  @IsString()
  @Doc({ example: 'Quỹ đầu tư khởi nghiệp sáng tạo tỉnh Đắk Lắk' })
  name!: string;

  @IsString()
  @Doc({ vi: 'Cơ quan chủ quản', en: 'Owner agency', example: 'UBND tỉnh Đắk Lắk' })
  ownerAgency!: string;

  @Nullable()
  @IsIn(PROVINCE_CODES)
  @Doc({ vi: 'Tỉnh; null với quỹ trung ương', en: 'Province; null for a national fund', example: '66' })
  provinceCode!: string | null;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => CapitalAmountView)
  @Doc({ vi: 'Vốn theo từng nguồn', en: 'Capital by every source' })
  capital!: CapitalAmountView[];

  @Money()
  @Doc({ vi: 'Tổng vốn (đồng)', en: 'Total capital (đồng)', example: '100000000000' })
  totalCapital!: string;

  @Nullable()
  @ValidateNested()
  @Type(() => CapitalRuleView)
  @Doc({ vi: 'Quy định tỷ lệ vốn đã áp dụng, nếu có', en: 'Capital-share rule applied, if any' })
  capitalRule!: CapitalRuleView | null;

  @IsInt()
  @Min(1)
  @Doc({ vi: 'Phiên bản, cũng là ETag', en: 'Version, also the ETag', example: 1 })
  version!: number;

  @IsISO8601({ strict: true })
  createdAt!: string;

  @IsISO8601({ strict: true })
  updatedAt!: string;
}
