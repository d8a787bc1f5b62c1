import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsUUID,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Doc } from '../http/doc.js';
import { Money, TextOfLength } from '../projects/field-rules.js';
import { ApplicantKindRule, CalendarDate } from './application-field-rules.js';
import {
  type ApplicantKind as ApplicantKindValue,
  PRIVATE_INVESTOR_KINDS,
  type PrivateInvestorKind,
} from './funding-vocabulary.js';

export const COINVESTMENT_LIMITS = {
  investorName: { min: 1, max: 300 },
  investors: { min: 1, max: 20 },
} as const;

/** A private investor beside a state co-investment: who, how much they committed, and when they chose the startup. */
export class PrivateInvestorDto {
  @TextOfLength(COINVESTMENT_LIMITS.investorName)
  @Doc({ vi: 'Tên nhà đầu tư', en: "Investor's name", example: 'Quỹ Đầu tư Mạo hiểm Sông Hồng' })
  name!: string;

  @IsIn(PRIVATE_INVESTOR_KINDS, { message: '$property must be one of: $constraint1' })
  @Doc({ vi: 'Loại nhà đầu tư', en: 'Kind of investor', example: 'private_venture_fund' })
  kind!: PrivateInvestorKind;

  @Money()
  @Doc({ vi: 'Số vốn cam kết (đồng, > 0)', en: 'Amount committed (đồng, > 0)', example: '3000000000' })
  amount!: string;

  @CalendarDate()
  @Doc({ vi: 'Ngày chọn đầu tư vào doanh nghiệp', en: 'Day it chose the startup', example: '2026-10-01' })
  choseOn!: string;
}

/**
 * Body of `POST /funding/coinvestments`: a state fund's co-investment beside private investors (Decree 38/2018),
 * opened by a fund officer for a published project in an open call of a fund that may co-invest. Opened from a
 * co-investment lead (`leadId`), the lead's investors stand in for `privateInvestors` when the body names none.
 */
export class CreateCoinvestmentDto {
  @IsUUID()
  @Doc({ vi: 'Đợt kêu gọi (của quỹ được đồng đầu tư)', en: 'Funding call (of a fund that may co-invest)' })
  callId!: string;

  @IsUUID()
  @Doc({ vi: 'Dự án đã công bố', en: 'Published project' })
  projectId!: string;

  @ApplicantKindRule()
  applicantKind!: ApplicantKindValue;

  @Money()
  @Doc({
    vi: 'Số vốn nhà nước đề xuất đồng đầu tư (đồng)',
    en: 'State amount proposed (đồng)',
    example: '900000000',
  })
  amount!: string;

  @ValidateIf((_dto: unknown, value: unknown) => value !== undefined)
  @IsUUID()
  @Doc({
    vi: 'Gợi ý đồng đầu tư của dự án: được đóng và liên kết với đề xuất',
    en: "The project's co-investment lead: it is closed and linked to the proposal",
  })
  leadId?: string;

  @ValidateIf((dto: CreateCoinvestmentDto) => dto.leadId === undefined || dto.privateInvestors !== undefined)
  @IsArray()
  @ArrayMinSize(COINVESTMENT_LIMITS.investors.min, {
    message: '$property must name at least one private fund beside the state (Decree 38/2018)',
  })
  @ArrayMaxSize(COINVESTMENT_LIMITS.investors.max)
  @ValidateNested({ each: true })
  @Type(() => PrivateInvestorDto)
  @Doc({
    vi: 'Các nhà đầu tư tư nhân cùng đầu tư (ít nhất một quỹ tư nhân); bỏ trống khi lấy từ gợi ý (leadId)',
    en: 'Private investors beside the state (at least one private venture fund); leave out to take the lead’s (leadId)',
  })
  privateInvestors?: PrivateInvestorDto[];
}
