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
  @IsInt()
  @Min(0)
  @Doc({
    vi: 'Trần tỷ lệ ngân sách tỉnh đã áp dụng, phần vạn (4900 = 49 %); null: không có trần',
    en: 'Cap on the provincial-budget share applied, basis points (4900 = 49 %); null: none applies',
    example: 4900,
  })
  provincialBudgetCapBasisPoints!: number | null;

  @Nullable()
  @IsString()
  @Doc({
    vi: 'Phiên bản quy định đã áp dụng (Nghị định 264/2025)',
    en: 'Rule version applied (Decree 264/2025)',
  })
  capitalRuleVersionId!: string | null;

  @IsInt()
  @Min(1)
  @Doc({ vi: 'Phiên bản, cũng là ETag', en: 'Version, also the ETag', example: 1 })
  version!: number;

  @IsISO8601({ strict: true })
  createdAt!: string;

  @IsISO8601({ strict: true })
  updatedAt!: string;
}
