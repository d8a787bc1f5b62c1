import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Min,
  ValidateNested,
} from 'class-validator';
import { Doc, Nullable } from '../http/doc.js';
import { Money, rules } from '../projects/field-rules.js';
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
} from './matching-vocabulary.js';

// Views are what the API answers; their decorators document them (OpenAPI), nothing validates them at run time.

const Instant = () => IsISO8601({ strict: true });
const ListOf = (values: readonly string[]) => rules(IsArray(), IsIn(values, { each: true }));

/**
 * An investor's public card: what founders browse without signing in. Everything matching filters and scores on,
 * the thesis, and which contact fields an introduction would share, never the contact details themselves.
 */
export class InvestorCardView {
  @IsUUID()
  @Doc({ vi: 'Mã nhà đầu tư', en: 'Investor id' })
  investorId!: string;

  @IsIn(INVESTOR_KINDS)
  @Doc({ vi: 'Loại nhà đầu tư', en: 'Kind of investor' })
  kind!: InvestorKind;

  @IsString()
  @Doc({ example: 'Quỹ Đầu tư Sông Hồng' })
  displayName!: string;

  @Nullable()
  @IsString()
  organisation!: string | null;

  @ListOf(PROJECT_SECTORS)
  @Doc({ vi: 'Lĩnh vực quan tâm (rỗng: mọi lĩnh vực)', en: 'Sectors looked for (empty: any)' })
  sectors!: ProjectSector[];

  @ListOf(PROJECT_SECTORS)
  @Doc({ vi: 'Lĩnh vực không đầu tư', en: 'Sectors never invested in' })
  excludedSectors!: ProjectSector[];

  @ListOf(PROJECT_STAGES)
  @Doc({ vi: 'Giai đoạn quan tâm (rỗng: mọi giai đoạn)', en: 'Stages looked for (empty: any)' })
  stages!: ProjectStage[];

  @Money()
  @Doc({ vi: 'Mức đầu tư tối thiểu (đồng)', en: 'Smallest ticket (đồng)', example: '500000000' })
  ticketMin!: string;

  @Money()
  @Doc({ vi: 'Mức đầu tư tối đa (đồng)', en: 'Largest ticket (đồng)', example: '2000000000' })
  ticketMax!: string;

  @ListOf(PROVINCE_CODES)
  @Doc({ vi: 'Tỉnh, thành phố quan tâm (rỗng: cả nước)', en: 'Provinces preferred (empty: nationwide)' })
  provinceCodes!: string[];

  @IsBoolean()
  @Doc({ vi: 'Chỉ xét dự án ở các tỉnh đã chọn', en: 'Only projects in the provinces named' })
  provincesOnly!: boolean;

  @ListOf(TARGET_GROUPS)
  @Doc({ vi: 'Đối tượng ưu tiên', en: 'Target groups favoured' })
  targetGroups!: TargetGroup[];

  @IsString()
  @Doc({ vi: 'Luận điểm đầu tư', en: 'Investment thesis' })
  thesis!: string;

  @IsBoolean()
  @Doc({
    vi: 'Sẵn sàng đồng đầu tư với quỹ nhà nước',
    en: 'Willing to co-invest beside a state fund',
  })
  coinvestWithState!: boolean;

  @ListOf(INVESTOR_CONTACT_FIELDS)
  @Doc({
    vi: 'Thông tin liên hệ nhà sáng lập nhận được khi được giới thiệu',
    en: 'Contact fields a founder receives at introduction',
  })
  sharedContactFields!: InvestorContactField[];

  @Instant()
  @Doc({ vi: 'Lần sửa gần nhất', en: 'Last changed' })
  updatedAt!: string;
}

/** Contact details as the investor keeps them; a field left empty is absent. */
export class InvestorContactView {
  @IsOptional()
  @IsString()
  email?: string;

  @IsOptional()
  @IsString()
  phone?: string;

  @IsOptional()
  @IsString()
  website?: string;

  @IsOptional()
  @IsString()
  address?: string;
}

/** An investor's own profile: the card, the contact details, whether it is published, and its version. */
export class InvestorProfileView extends InvestorCardView {
  @ValidateNested()
  @Type(() => InvestorContactView)
  @Doc({ vi: 'Thông tin liên hệ (không công khai)', en: 'Contact details (never public)' })
  contact!: InvestorContactView;

  @IsBoolean()
  @Doc({ vi: 'Công khai và được kết nối', en: 'Public and matched' })
  published!: boolean;

  @IsInt()
  @Min(1)
  @Doc({
    vi: 'Phiên bản, cũng là ETag; gửi lại trong If-Match khi thay',
    en: 'Version, also the ETag; send it back in If-Match to replace',
    example: 2,
  })
  version!: number;

  @Instant()
  createdAt!: string;
}
