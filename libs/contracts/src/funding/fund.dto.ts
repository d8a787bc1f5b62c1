import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Doc } from '../http/doc.js';
import { BasedOnVersion, Money, rules, TextOfLength } from '../projects/field-rules.js';
import { PROVINCE_CODES } from '../projects/provinces.js';
import { CAPITAL_SOURCES, type CapitalSource, FUND_KINDS, type FundKind } from './funding-vocabulary.js';

/** Bounds of a fund's free text, in characters (after NFC normalisation). */
export const FUND_TEXT_LIMITS = {
  name: { min: 3, max: 200 },
  ownerAgency: { min: 3, max: 200 },
  reason: { max: 1000 },
} as const;

/** One source of a fund's capital and its amount in whole đồng. */
export class CapitalAmountDto {
  @IsIn(CAPITAL_SOURCES)
  @Doc({ vi: 'Nguồn vốn', en: 'Capital source', example: 'provincial_budget' })
  source!: CapitalSource;

  @Money()
  @Doc({ vi: 'Số đồng', en: 'Whole đồng', example: '49000000000' })
  amount!: string;
}

const Capital = () =>
  rules(
    IsArray(),
    ArrayMaxSize(CAPITAL_SOURCES.length),
    ArrayUnique((share: CapitalAmountDto) => share?.source, { message: 'each capital source at most once' }),
    ValidateNested({ each: true }),
    Type(() => CapitalAmountDto),
    Doc({
      vi: 'Vốn theo nguồn (nguồn không nêu là 0 đồng)',
      en: 'Capital by source (a source left out is 0 đồng)',
      example: [
        { source: 'provincial_budget', amount: '49000000000' },
        { source: 'private', amount: '51000000000' },
      ],
    }),
  );

const ProvinceOrNone = () =>
  rules(
    ValidateIf((_fund: unknown, value: unknown) => value !== null),
    IsIn(PROVINCE_CODES, {
      message: '$property must be the code of one of the 34 provinces and cities (e.g. 01, 79), or null',
    }),
    Doc({
      vi: 'Tỉnh của quỹ địa phương; null với quỹ trung ương',
      en: 'Province of a local fund; null for a national one',
      example: '66',
    }),
  );

/** Body of `POST /funding/funds`. */
export class CreateFundDto {
  @IsIn(FUND_KINDS)
  @Doc({ vi: 'Loại quỹ', en: 'Kind of fund', example: 'provincial_venture_fund' })
  kind!: FundKind;

  @TextOfLength(FUND_TEXT_LIMITS.name)
  @Doc({ vi: 'Tên quỹ', en: 'Name', example: 'Quỹ đầu tư khởi nghiệp sáng tạo tỉnh Đắk Lắk' })
  name!: string;

  @TextOfLength(FUND_TEXT_LIMITS.ownerAgency)
  @Doc({ vi: 'Cơ quan chủ quản', en: 'Owner agency', example: 'UBND tỉnh Đắk Lắk' })
  ownerAgency!: string;

  @IsOptional()
  @ProvinceOrNone()
  provinceCode?: string | null;

  @Capital()
  capital!: CapitalAmountDto[];
}

/** Body of `PATCH /funding/funds/{id}`: only the fields sent change; the kind never does. */
export class UpdateFundDto {
  @IsOptional()
  @TextOfLength(FUND_TEXT_LIMITS.name)
  @Doc({ vi: 'Tên quỹ', en: 'Name' })
  name?: string;

  @IsOptional()
  @TextOfLength(FUND_TEXT_LIMITS.ownerAgency)
  @Doc({ vi: 'Cơ quan chủ quản', en: 'Owner agency' })
  ownerAgency?: string;

  @IsOptional()
  @ProvinceOrNone()
  provinceCode?: string | null;

  @IsOptional()
  @Capital()
  capital?: CapitalAmountDto[];

  @IsOptional()
  @TextOfLength(FUND_TEXT_LIMITS.reason)
  @Doc({ vi: 'Lý do thay đổi (ghi vào nhật ký)', en: 'Why (kept in the audit trail)' })
  reason?: string;

  @IsOptional()
  @BasedOnVersion()
  version?: number;
}
