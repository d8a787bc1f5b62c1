import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Doc } from '../http/doc.js';
import { Money, rules, TextOfLength } from '../projects/field-rules.js';
import {
  PROJECT_SECTORS,
  PROJECT_STAGES,
  type ProjectSector,
  type ProjectStage,
  TARGET_GROUPS,
  type TargetGroup,
} from '../projects/project-vocabulary.js';
import { PROVINCE_CODES } from '../projects/provinces.js';
import {
  INVESTOR_CONTACT_FIELDS,
  INVESTOR_KINDS,
  type InvestorContactField,
  type InvestorKind,
  MATCHING_TEXT_LIMITS,
  PHONE_PATTERN,
} from './matching-vocabulary.js';

/** Distinct values of a closed list, at most one of each. */
const SetOf = (values: readonly string[]) =>
  rules(IsArray(), ArrayMaxSize(values.length), ArrayUnique(), IsIn(values, { each: true }));

const CONTACT_VALUE = MATCHING_TEXT_LIMITS.contactValue;

/** An investor's contact details; only the fields named in `sharedContactFields` reach a founder, at introduction. */
export class InvestorContactDto {
  @IsOptional()
  @IsString()
  @MaxLength(CONTACT_VALUE.max)
  @IsEmail({}, { message: '$property must be an e-mail address, e.g. dautu@songhong.vn' })
  @Doc({ vi: 'Thư điện tử', en: 'E-mail', example: 'dautu@songhong.example.vn' })
  email?: string;

  @IsOptional()
  @IsString()
  @Matches(PHONE_PATTERN, { message: '$property must be a telephone number, e.g. "0912 345 678"' })
  @Doc({ vi: 'Số điện thoại', en: 'Telephone number', example: '0912 345 678' })
  phone?: string;

  @IsOptional()
  @IsString()
  @MaxLength(CONTACT_VALUE.max)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @Doc({ vi: 'Trang web (http/https)', en: 'Website (http/https)', example: 'https://songhong.example.vn' })
  website?: string;

  @IsOptional()
  @IsString()
  @Length(CONTACT_VALUE.min, CONTACT_VALUE.max)
  @Doc({ vi: 'Địa chỉ', en: 'Address', example: '12 Tràng Tiền, phường Hoàn Kiếm, Hà Nội' })
  address?: string;
}

/**
 * Body of `PUT /matching/investors/me/profile`: the whole profile, replacing what was there. Rules across fields
 * (ticket order, a sector both wanted and excluded, a shared contact left empty, provinces only without provinces)
 * are checked by the matching service and refused with the field named.
 */
export class PutInvestorProfileDto {
  @IsIn(INVESTOR_KINDS, { message: '$property must be one of: $constraint1' })
  @Doc({ vi: 'Loại nhà đầu tư', en: 'Kind of investor', example: 'venture_fund' })
  kind!: InvestorKind;

  @TextOfLength(MATCHING_TEXT_LIMITS.displayName)
  @Doc({ vi: 'Tên hiển thị', en: 'Display name', example: 'Quỹ Đầu tư Sông Hồng' })
  displayName!: string;

  @IsOptional()
  @TextOfLength(MATCHING_TEXT_LIMITS.organisation)
  @Doc({ vi: 'Tổ chức', en: 'Organisation', example: 'Công ty CP Quản lý quỹ Sông Hồng' })
  organisation?: string | null;

  @SetOf(PROJECT_SECTORS)
  @Doc({
    vi: 'Lĩnh vực quan tâm (rỗng: mọi lĩnh vực)',
    en: 'Sectors looked for (empty: any)',
    example: ['agriculture_food', 'digital_it'],
  })
  sectors!: ProjectSector[];

  @SetOf(PROJECT_SECTORS)
  @Doc({ vi: 'Lĩnh vực không đầu tư', en: 'Sectors never invested in', example: ['tourism'] })
  excludedSectors!: ProjectSector[];

  @SetOf(PROJECT_STAGES)
  @Doc({
    vi: 'Giai đoạn quan tâm (rỗng: mọi giai đoạn)',
    en: 'Stages looked for (empty: any)',
    example: ['prototype', 'early_revenue'],
  })
  stages!: ProjectStage[];

  @Money()
  @Doc({ vi: 'Mức đầu tư tối thiểu (đồng)', en: 'Smallest ticket (đồng)', example: '500000000' })
  ticketMin!: string;

  @Money()
  @Doc({
    vi: 'Mức đầu tư tối đa (đồng, ≥ tối thiểu)',
    en: 'Largest ticket (đồng, ≥ min)',
    example: '2000000000',
  })
  ticketMax!: string;

  @SetOf(PROVINCE_CODES)
  @Doc({
    vi: 'Tỉnh, thành phố quan tâm (rỗng: cả nước)',
    en: 'Provinces preferred (empty: nationwide)',
    example: ['01', '24'],
  })
  provinceCodes!: string[];

  @IsBoolean()
  @Doc({
    vi: 'Chỉ xét dự án ở các tỉnh đã chọn',
    en: 'Only projects in the provinces named',
    example: false,
  })
  provincesOnly!: boolean;

  @SetOf(TARGET_GROUPS)
  @Doc({ vi: 'Đối tượng ưu tiên', en: 'Target groups favoured', example: ['women_led'] })
  targetGroups!: TargetGroup[];

  @TextOfLength(MATCHING_TEXT_LIMITS.thesis)
  @Doc({
    vi: 'Luận điểm đầu tư (tiếng Việt)',
    en: 'Investment thesis (Vietnamese)',
    example: 'Nông nghiệp công nghệ cao, chế biến sâu nông sản đồng bằng sông Hồng.',
  })
  thesis!: string;

  @IsBoolean()
  @Doc({
    vi: 'Sẵn sàng đồng đầu tư với quỹ nhà nước (Nghị định 38/2018)',
    en: 'Willing to co-invest beside a state fund (Decree 38/2018)',
    example: true,
  })
  coinvestWithState!: boolean;

  @IsObject()
  @ValidateNested()
  @Type(() => InvestorContactDto)
  @Doc({ vi: 'Thông tin liên hệ (không công khai)', en: 'Contact details (never public)' })
  contact!: InvestorContactDto;

  @SetOf(INVESTOR_CONTACT_FIELDS)
  @Doc({
    vi: 'Thông tin liên hệ trao cho nhà sáng lập khi được giới thiệu (phải có trong contact)',
    en: 'Contact fields an introduction shares (each must be filled in contact)',
    example: ['email'],
  })
  sharedContactFields!: InvestorContactField[];

  @IsOptional()
  @IsBoolean()
  @Doc({
    vi: 'Công khai và đưa vào kết nối (mặc định true); false: rút khỏi kết nối',
    en: 'Public and matched (default true); false takes it out of matching',
    example: true,
  })
  published?: boolean;
}
