import {
  CERTIFICATION_LEVELS,
  type CertificationLevel,
  CONTACT_FIELDS,
  type ContactField,
  CreateProjectDto,
  ListProjectsQueryDto,
  PAGE_SIZE,
  PageQueryDto,
  PROJECT_KINDS,
  PROJECT_SECTORS,
  PROJECT_STAGES,
  PROJECT_STATUSES,
  PROJECT_TEXT_LIMITS,
  PROVINCE_CODES,
  type ProjectKind,
  type ProjectSector,
  type ProjectStage,
  type ProjectStatus,
  REVIEW_DECISIONS,
  type ReviewDecision,
  ReviewProjectDto,
  SubmitProjectDto,
  TARGET_GROUPS,
  type TargetGroup,
  UnpublishProjectDto,
  UpdateProjectDto,
  WithdrawProjectDto,
} from '@khoinghiep/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

// The bodies and queries of the projects routes. Validation rules come from the contracts classes (shared with the
// projects service, which validates again); these subclasses only add the OpenAPI documentation.

const MONEY = {
  type: String,
  pattern: '^(0|[1-9][0-9]{0,14})$',
  description: 'Số đồng, số nguyên dạng chuỗi / Whole đồng as an integer string',
};
const VERSION = {
  type: Number,
  minimum: 1,
  description:
    'Phiên bản dự án mà thay đổi dựa vào (hoặc tiêu đề If-Match) / Version the change is based on (or If-Match)',
};

const doc = {
  title: {
    description: 'Tên dự án / Project title',
    example: 'Cà phê đặc sản Buôn Ma Thuột',
    minLength: PROJECT_TEXT_LIMITS.title.min,
    maxLength: PROJECT_TEXT_LIMITS.title.max,
  },
  summary: {
    description: 'Tóm tắt / Summary (tìm kiếm được / searchable)',
    example: 'Rang xay cà phê Robusta đặc sản, truy xuất nguồn gốc, bán trực tuyến.',
    minLength: PROJECT_TEXT_LIMITS.summary.min,
    maxLength: PROJECT_TEXT_LIMITS.summary.max,
  },
  description: {
    description: 'Mô tả chi tiết / Description',
    example: 'Hợp tác xã 40 hộ trồng cà phê, chế biến ướt, rang mộc và xuất khẩu.',
    minLength: PROJECT_TEXT_LIMITS.description.min,
    maxLength: PROJECT_TEXT_LIMITS.description.max,
  },
  kind: { description: 'Loại hình / Kind', enum: PROJECT_KINDS, example: 'innovative_startup' },
  sector: { description: 'Lĩnh vực / Sector', enum: PROJECT_SECTORS, example: 'agriculture_food' },
  stage: { description: 'Giai đoạn / Stage', enum: PROJECT_STAGES, example: 'early_revenue' },
  provinceCode: {
    description:
      'Mã tỉnh, thành phố (34 đơn vị từ 1/7/2025, xem GET /reference/provinces) / Province code (see GET /reference/provinces)',
    enum: PROVINCE_CODES,
    example: '66',
  },
  commune: {
    description: 'Xã, phường, đặc khu / Commune or ward',
    example: 'Phường Buôn Ma Thuột',
    minLength: PROJECT_TEXT_LIMITS.commune.min,
    maxLength: PROJECT_TEXT_LIMITS.commune.max,
  },
  fundingAsk: {
    ...MONEY,
    description: 'Vốn cần huy động (đồng) / Funding ask in đồng',
    example: '1500000000',
  },
  teamSize: { description: 'Số thành viên / Team size', minimum: 1, maximum: 10000, example: 6 },
  targetGroups: {
    description: 'Đối tượng ưu tiên / Target groups',
    enum: TARGET_GROUPS,
    isArray: true,
    example: ['women_led', 'youth'],
  },
  ocopStars: {
    description: 'Số sao OCOP (3–5) / OCOP stars',
    minimum: 3,
    maximum: 5,
    example: 4,
    nullable: true,
  },
  certificationLevel: {
    description:
      'Cấp chứng nhận sản phẩm CNNT tiêu biểu / Typical rural industrial product certification level',
    enum: CERTIFICATION_LEVELS,
    example: 'province',
    nullable: true,
  },
  website: {
    description: 'Trang web (http/https) / Website',
    format: 'uri',
    maxLength: PROJECT_TEXT_LIMITS.website.max,
    example: 'https://caphe-bmt.example.vn',
    nullable: true,
  },
  sharedContactFields: {
    description:
      'Thông tin liên hệ cho nhà đầu tư xem trước khi được giới thiệu / Contact fields investors may see before an introduction',
    enum: CONTACT_FIELDS,
    isArray: true,
    example: ['email', 'phone'],
  },
} as const;

export class CreateProjectBody extends CreateProjectDto {
  @ApiProperty(doc.title) override title!: string;
  @ApiProperty(doc.summary) override summary!: string;
  @ApiProperty(doc.description) override description!: string;
  @ApiProperty(doc.kind) override kind!: ProjectKind;
  @ApiProperty(doc.sector) override sector!: ProjectSector;
  @ApiProperty(doc.stage) override stage!: ProjectStage;
  @ApiProperty(doc.provinceCode) override provinceCode!: string;
  @ApiProperty(doc.commune) override commune!: string;
  @ApiProperty(doc.fundingAsk) override fundingAsk!: string;
  @ApiProperty(doc.teamSize) override teamSize!: number;
  @ApiPropertyOptional(doc.targetGroups) override targetGroups?: TargetGroup[] | null;
  @ApiPropertyOptional(doc.ocopStars) override ocopStars?: number | null;
  @ApiPropertyOptional(doc.certificationLevel) override certificationLevel?: CertificationLevel | null;
  @ApiPropertyOptional(doc.website) override website?: string | null;
  @ApiPropertyOptional(doc.sharedContactFields) override sharedContactFields?: ContactField[] | null;
}

/** Merge patch: only the fields given change; `null` clears an optional field. */
export class UpdateProjectBody extends UpdateProjectDto {
  @ApiPropertyOptional(doc.title) override title?: string;
  @ApiPropertyOptional(doc.summary) override summary?: string;
  @ApiPropertyOptional(doc.description) override description?: string;
  @ApiPropertyOptional(doc.kind) override kind?: ProjectKind;
  @ApiPropertyOptional(doc.sector) override sector?: ProjectSector;
  @ApiPropertyOptional(doc.stage) override stage?: ProjectStage;
  @ApiPropertyOptional(doc.provinceCode) override provinceCode?: string;
  @ApiPropertyOptional(doc.commune) override commune?: string;
  @ApiPropertyOptional(doc.fundingAsk) override fundingAsk?: string;
  @ApiPropertyOptional(doc.teamSize) override teamSize?: number;
  @ApiPropertyOptional(doc.targetGroups) override targetGroups?: TargetGroup[] | null;
  @ApiPropertyOptional(doc.ocopStars) override ocopStars?: number | null;
  @ApiPropertyOptional(doc.certificationLevel) override certificationLevel?: CertificationLevel | null;
  @ApiPropertyOptional(doc.website) override website?: string | null;
  @ApiPropertyOptional(doc.sharedContactFields) override sharedContactFields?: ContactField[] | null;
  @ApiPropertyOptional(VERSION) override version?: number;
}

export class SubmitProjectBody extends SubmitProjectDto {
  @ApiPropertyOptional(VERSION) override version?: number;
}

export class WithdrawProjectBody extends WithdrawProjectDto {
  @ApiPropertyOptional({
    description: 'Lý do rút / Why the project is withdrawn',
    maxLength: PROJECT_TEXT_LIMITS.reason.max,
  })
  override reason?: string;

  @ApiPropertyOptional(VERSION) override version?: number;
}

export class ReviewProjectBody extends ReviewProjectDto {
  @ApiProperty({
    description:
      'approve: công bố; request_revision: trả lại để sửa; reject: từ chối / approve publishes, request_revision sends back, reject refuses',
    enum: REVIEW_DECISIONS,
    example: 'request_revision',
  })
  override decision!: ReviewDecision;

  @ApiPropertyOptional({
    description:
      'Nhận xét; bắt buộc khi trả lại hoặc từ chối / Comment; required to request a revision or reject',
    maxLength: PROJECT_TEXT_LIMITS.comment.max,
    example: 'Đề nghị bổ sung kế hoạch tài chính 3 năm.',
  })
  override comment?: string;

  @ApiPropertyOptional(VERSION) override version?: number;
}

export class UnpublishProjectBody extends UnpublishProjectDto {
  @ApiProperty({
    description: 'Lý do gỡ công bố / Why the project is taken down',
    minLength: PROJECT_TEXT_LIMITS.reason.min,
    maxLength: PROJECT_TEXT_LIMITS.reason.max,
    example: 'Doanh nghiệp tạm ngừng hoạt động.',
  })
  override reason!: string;

  @ApiPropertyOptional(VERSION) override version?: number;
}

const CURSOR = {
  description: 'nextCursor của trang trước / nextCursor of the previous page',
  maxLength: 512,
};
const LIMIT = {
  description: 'Số mục mỗi trang / Page size',
  minimum: 1,
  maximum: PAGE_SIZE.max,
  default: PAGE_SIZE.default,
};

export class PageQuery extends PageQueryDto {
  @ApiPropertyOptional(CURSOR) override cursor?: string;
  @ApiPropertyOptional({ ...LIMIT, type: Number }) override limit?: number;
}

const listOf = (description: string, values: readonly string[]) => ({
  description: `${description} (lặp lại hoặc phân cách bằng dấu phẩy / repeated or comma-separated)`,
  enum: values,
  isArray: true,
});

export class ListProjectsQuery extends ListProjectsQueryDto {
  @ApiPropertyOptional({
    description:
      'Từ khóa trong tên và tóm tắt, có hoặc không dấu ("ca phe" tìm thấy "cà phê") / Words in title and summary, with or without diacritics',
    maxLength: PROJECT_TEXT_LIMITS.query.max,
    example: 'ca phe',
  })
  override q?: string;

  @ApiPropertyOptional(listOf('Lĩnh vực / Sector', PROJECT_SECTORS)) override sector?: ProjectSector[];
  @ApiPropertyOptional(listOf('Giai đoạn / Stage', PROJECT_STAGES)) override stage?: ProjectStage[];
  @ApiPropertyOptional(listOf('Loại hình / Kind', PROJECT_KINDS)) override kind?: ProjectKind[];
  @ApiPropertyOptional(listOf('Mã tỉnh / Province code', PROVINCE_CODES)) override provinceCode?: string[];
  @ApiPropertyOptional(listOf('Đối tượng / Target group', TARGET_GROUPS))
  override targetGroup?: TargetGroup[];
  @ApiPropertyOptional({ ...MONEY, description: 'Vốn tối thiểu (đồng) / Minimum funding ask' })
  override minFundingAsk?: string;
  @ApiPropertyOptional({ ...MONEY, description: 'Vốn tối đa (đồng) / Maximum funding ask' })
  override maxFundingAsk?: string;
  @ApiPropertyOptional(
    listOf(
      'Trạng thái, chỉ cán bộ; mặc định published / Status, officers only; default published',
      PROJECT_STATUSES,
    ),
  )
  override status?: ProjectStatus[];
  @ApiPropertyOptional(CURSOR) override cursor?: string;
  @ApiPropertyOptional({ ...LIMIT, type: Number }) override limit?: number;
}
