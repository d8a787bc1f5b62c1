import { Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsString,
  IsUUID,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import { Doc, Nullable } from '../http/doc.js';
import { ROLES } from '../role.js';
import { Money, OcopStars, rules } from './field-rules.js';
import {
  CERTIFICATION_LEVELS,
  type CertificationLevel,
  CONTACT_FIELDS,
  type ContactField,
  PROJECT_ACTIONS,
  PROJECT_KINDS,
  PROJECT_SECTORS,
  PROJECT_STAGES,
  PROJECT_STATUSES,
  type ProjectAction,
  type ProjectKind,
  type ProjectSector,
  type ProjectStage,
  type ProjectStatus,
  TARGET_GROUPS,
  type TargetGroup,
} from './project-vocabulary.js';
import { PROVINCE_CODES } from './provinces.js';

// Views are what the API answers. Their decorators are documentation (the OpenAPI schemas are generated from
// them), not input rules: nothing validates a view at run time.

const Instant = () => IsISO8601({ strict: true });
const ListOf = (values: readonly string[]) => rules(IsArray(), IsIn(values, { each: true }));

/** A project as the API returns it. Money is a string of whole đồng; times are ISO-8601 UTC. */
export class ProjectView {
  @IsUUID()
  @Doc({ vi: 'Mã dự án', en: 'Project id' })
  id!: string;

  @IsUUID()
  @Doc({ vi: 'Nhà sáng lập', en: 'Founder' })
  ownerId!: string;

  @IsIn(PROJECT_STATUSES)
  @Doc({ vi: 'Trạng thái', en: 'Status' })
  status!: ProjectStatus;

  @IsInt()
  @Min(1)
  @Doc({
    vi: 'Phiên bản, cũng là ETag; gửi lại khi sửa',
    en: 'Version, also the ETag; send it back with a change',
    example: 3,
  })
  version!: number;

  @IsString()
  @Doc({ example: 'Cà phê đặc sản Buôn Ma Thuột' })
  title!: string;

  @IsString()
  summary!: string;

  @IsString()
  description!: string;

  @IsIn(PROJECT_KINDS)
  kind!: ProjectKind;

  @IsIn(PROJECT_SECTORS)
  sector!: ProjectSector;

  @IsIn(PROJECT_STAGES)
  stage!: ProjectStage;

  @IsIn(PROVINCE_CODES)
  @Doc({ example: '66' })
  provinceCode!: string;

  @IsString()
  @Doc({ example: 'Phường Buôn Ma Thuột' })
  commune!: string;

  @Money()
  @Doc({ vi: 'Số đồng', en: 'Whole đồng', example: '1500000000' })
  fundingAsk!: string;

  @IsInt()
  @Min(1)
  @Doc({ example: 6 })
  teamSize!: number;

  @ListOf(TARGET_GROUPS)
  targetGroups!: TargetGroup[];

  @Nullable()
  @OcopStars()
  @Doc({ example: 4 })
  ocopStars!: number | null;

  @Nullable()
  @IsIn(CERTIFICATION_LEVELS)
  certificationLevel!: CertificationLevel | null;

  @Nullable()
  @IsString()
  website!: string | null;

  @ListOf(CONTACT_FIELDS)
  sharedContactFields!: ContactField[];

  @Nullable()
  @IsString()
  @Doc({ vi: 'Nhận xét gần nhất của cán bộ', en: 'Latest officer comment' })
  lastReviewComment!: string | null;

  @Instant()
  createdAt!: string;

  @Instant()
  updatedAt!: string;

  @Nullable()
  @Instant()
  submittedAt!: string | null;

  @Nullable()
  @Instant()
  publishedAt!: string | null;
}

/** Who made a change: a user with their roles at the time, or the system (`userId` null). */
export class HistoryActorView {
  @Nullable()
  @IsUUID()
  userId!: string | null;

  // Roles are read as strings: a role added later must not make an old entry invalid.
  @IsArray()
  @IsString({ each: true })
  @Doc({ example: [ROLES[0]] })
  roles!: string[];
}

/** One entry of a project's history (audit trail): what happened, who did it, when and why. */
export class ProjectHistoryEntryView {
  @IsUUID()
  id!: string;

  @IsUUID()
  projectId!: string;

  @IsIn(PROJECT_ACTIONS)
  action!: ProjectAction;

  @Nullable()
  @IsIn(PROJECT_STATUSES)
  fromStatus!: ProjectStatus | null;

  @IsIn(PROJECT_STATUSES)
  toStatus!: ProjectStatus;

  @IsInt()
  @Min(1)
  @Doc({ vi: 'Phiên bản của dự án sau thay đổi', en: 'Version of the project after the change' })
  version!: number;

  @ValidateNested()
  @Type(() => HistoryActorView)
  @Doc({ vi: 'Ai thực hiện', en: 'Who did it' })
  actor!: HistoryActorView;

  @Nullable()
  @IsString()
  @Doc({ vi: 'Lý do, nhận xét', en: 'The comment or reason given' })
  comment!: string | null;

  @IsArray()
  @IsString({ each: true })
  @Doc({ vi: 'Các trường đã sửa', en: 'Fields an edit changed' })
  changedFields!: string[];

  @Instant()
  @Doc({ vi: 'Khi nào', en: 'When' })
  occurredAt!: string;
}

/** A province or centrally-run city, as served by `GET /reference/provinces`. */
export class ProvinceView {
  @IsIn(PROVINCE_CODES)
  @Doc({ vi: 'Mã theo Quyết định 19/2025/QĐ-TTg', en: 'Statistics code', example: '79' })
  code!: string;

  @IsString()
  @Doc({ example: 'Thành phố Hồ Chí Minh' })
  name!: string;

  @IsString()
  @Doc({ example: 'Ho Chi Minh City' })
  nameEn!: string;

  @IsIn(['city', 'province'])
  kind!: 'city' | 'province';

  @IsArray()
  @IsString({ each: true })
  @Doc({ vi: 'Các tỉnh hợp nhất vào', en: 'Former provinces merged into it' })
  formerly!: string[];

  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  @Doc({ vi: 'Ngày hiệu lực', en: 'In force from', example: '2025-07-01' })
  effectiveFrom!: string;
}
