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
  type ProjectHistoryEntryView,
  type ProjectKind,
  type ProjectSector,
  type ProjectStage,
  type ProjectStatus,
  type ProjectView,
  type ProvinceView,
  TARGET_GROUPS,
  type TargetGroup,
} from '@khoinghiep/contracts';
import { ApiProperty } from '@nestjs/swagger';

// OpenAPI shapes of what the projects routes answer (the contracts' view interfaces, documented).

export class ProjectResponse implements ProjectView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', description: 'Nhà sáng lập / Founder' }) ownerId!: string;
  @ApiProperty({ enum: PROJECT_STATUSES, description: 'Trạng thái / Status' }) status!: ProjectStatus;
  @ApiProperty({
    minimum: 1,
    description:
      'Phiên bản, cũng là ETag; gửi lại khi sửa / Version, also the ETag; send it back with a change',
  })
  version!: number;
  @ApiProperty({ example: 'Cà phê đặc sản Buôn Ma Thuột' }) title!: string;
  @ApiProperty() summary!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: PROJECT_KINDS }) kind!: ProjectKind;
  @ApiProperty({ enum: PROJECT_SECTORS }) sector!: ProjectSector;
  @ApiProperty({ enum: PROJECT_STAGES }) stage!: ProjectStage;
  @ApiProperty({ example: '66' }) provinceCode!: string;
  @ApiProperty({ example: 'Phường Buôn Ma Thuột' }) commune!: string;
  @ApiProperty({ example: '1500000000', description: 'Số đồng / Whole đồng' }) fundingAsk!: string;
  @ApiProperty({ example: 6 }) teamSize!: number;
  @ApiProperty({ enum: TARGET_GROUPS, isArray: true }) targetGroups!: TargetGroup[];
  @ApiProperty({ type: Number, nullable: true, example: 4 }) ocopStars!: number | null;
  @ApiProperty({ enum: CERTIFICATION_LEVELS, nullable: true }) certificationLevel!: CertificationLevel | null;
  @ApiProperty({ type: String, nullable: true }) website!: string | null;
  @ApiProperty({ enum: CONTACT_FIELDS, isArray: true }) sharedContactFields!: ContactField[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Nhận xét gần nhất của cán bộ / Latest officer comment',
  })
  lastReviewComment!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt!: string | null;
}

export class ProjectPage {
  @ApiProperty({ type: ProjectResponse, isArray: true }) items!: ProjectResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Con trỏ trang sau / Cursor of the next page' })
  nextCursor!: string | null;
}

class HistoryActor {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) userId!: string | null;
  @ApiProperty({ type: String, isArray: true }) roles!: string[];
}

export class ProjectHistoryEntryResponse implements ProjectHistoryEntryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty({ enum: PROJECT_ACTIONS }) action!: ProjectAction;
  @ApiProperty({ enum: PROJECT_STATUSES, nullable: true }) fromStatus!: ProjectStatus | null;
  @ApiProperty({ enum: PROJECT_STATUSES }) toStatus!: ProjectStatus;
  @ApiProperty() version!: number;
  @ApiProperty({ type: HistoryActor, description: 'Ai thực hiện / Who did it' }) actor!: HistoryActor;
  @ApiProperty({ type: String, nullable: true, description: 'Lý do, nhận xét / Why' }) comment!:
    | string
    | null;
  @ApiProperty({ type: String, isArray: true }) changedFields!: string[];
  @ApiProperty({ format: 'date-time', description: 'Khi nào / When' }) occurredAt!: string;
}

export class ProjectHistoryPage {
  @ApiProperty({ type: ProjectHistoryEntryResponse, isArray: true }) items!: ProjectHistoryEntryResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class ProvinceResponse implements ProvinceView {
  @ApiProperty({ example: '79', description: 'Mã theo Quyết định 19/2025/QĐ-TTg / Statistics code' })
  code!: string;
  @ApiProperty({ example: 'Thành phố Hồ Chí Minh' }) name!: string;
  @ApiProperty({ example: 'Ho Chi Minh City' }) nameEn!: string;
  @ApiProperty({ enum: ['city', 'province'] }) kind!: 'city' | 'province';
  @ApiProperty({
    type: String,
    isArray: true,
    description: 'Các tỉnh hợp nhất vào / Former provinces merged into it',
  })
  formerly!: string[];
  @ApiProperty({ format: 'date', example: '2025-07-01' }) effectiveFrom!: string;
}
