import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Doc } from '../http/doc.js';
import { Money, rules } from './field-rules.js';
import {
  PROJECT_KINDS,
  PROJECT_SECTORS,
  PROJECT_STAGES,
  PROJECT_STATUSES,
  PROJECT_TEXT_LIMITS,
  type ProjectKind,
  type ProjectSector,
  type ProjectStage,
  type ProjectStatus,
  TARGET_GROUPS,
  type TargetGroup,
} from './project-vocabulary.js';
import { PROVINCE_CODES } from './provinces.js';

export const PAGE_SIZE = { default: 20, max: 100 } as const;

/** `?sector=a&sector=b` and `?sector=a,b` both mean "a or b". */
const ListOf = () =>
  Transform(({ value }) => {
    if (value === undefined || value === null) return value;
    const values = (Array.isArray(value) ? value : [value]).flatMap((item) =>
      typeof item === 'string' ? item.split(',').map((part) => part.trim()) : [item],
    );
    return values.filter((item) => item !== '');
  });

/** A query filter taking one or more of `values` (repeated or comma-separated). */
export const OneOrMoreOf = (values: readonly string[]) =>
  rules(ListOf(), ArrayMaxSize(values.length), IsIn(values, { each: true }));

/** Cursor pagination shared by every list: `limit` items after the opaque `cursor` of the previous page. */
export class PageQueryDto {
  @IsOptional()
  @IsString()
  @MaxLength(512)
  @Doc({ vi: 'nextCursor của trang trước', en: 'nextCursor of the previous page' })
  cursor?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE_SIZE.max)
  @Doc({
    vi: `Số mục mỗi trang, mặc định ${PAGE_SIZE.default}`,
    en: `Page size, default ${PAGE_SIZE.default}`,
    example: 20,
  })
  limit?: number;
}

/**
 * `GET /projects`: published projects, newest publication first, filtered and searched. Officers and admins may add
 * `status` to browse other states (never drafts).
 */
export class ListProjectsQueryDto extends PageQueryDto {
  /** Words searched in title and summary, with or without Vietnamese diacritics. */
  @IsOptional()
  @IsString()
  @MaxLength(PROJECT_TEXT_LIMITS.query.max)
  @Doc({
    vi: 'Từ khóa trong tên và tóm tắt, có hoặc không dấu ("ca phe" tìm thấy "cà phê")',
    en: 'Words in title and summary, with or without diacritics',
    example: 'ca phe',
  })
  q?: string;

  @IsOptional()
  @OneOrMoreOf(PROJECT_SECTORS)
  @Doc({ vi: 'Lĩnh vực (lặp lại hoặc phân cách bằng dấu phẩy)', en: 'Sector (repeated or comma-separated)' })
  sector?: ProjectSector[];

  @IsOptional()
  @OneOrMoreOf(PROJECT_STAGES)
  @Doc({ vi: 'Giai đoạn (lặp lại hoặc phân cách bằng dấu phẩy)', en: 'Stage (repeated or comma-separated)' })
  stage?: ProjectStage[];

  @IsOptional()
  @OneOrMoreOf(PROJECT_KINDS)
  @Doc({ vi: 'Loại hình (lặp lại hoặc phân cách bằng dấu phẩy)', en: 'Kind (repeated or comma-separated)' })
  kind?: ProjectKind[];

  @IsOptional()
  @OneOrMoreOf(PROVINCE_CODES)
  @Doc({
    vi: 'Mã tỉnh (lặp lại hoặc phân cách bằng dấu phẩy)',
    en: 'Province code (repeated or comma-separated)',
  })
  provinceCode?: string[];

  /** Projects naming at least one of these target groups. */
  @IsOptional()
  @OneOrMoreOf(TARGET_GROUPS)
  @Doc({
    vi: 'Đối tượng (lặp lại hoặc phân cách bằng dấu phẩy)',
    en: 'Target group (repeated or comma-separated)',
  })
  targetGroup?: TargetGroup[];

  /** Funding ask at least this many đồng. */
  @IsOptional()
  @Money()
  @Doc({ vi: 'Vốn tối thiểu (đồng)', en: 'Minimum funding ask (đồng)', example: '1500000000' })
  minFundingAsk?: string;

  /** Funding ask at most this many đồng. */
  @IsOptional()
  @Money()
  @Doc({ vi: 'Vốn tối đa (đồng)', en: 'Maximum funding ask (đồng)', example: '1500000000' })
  maxFundingAsk?: string;

  @IsOptional()
  @OneOrMoreOf(PROJECT_STATUSES)
  @Doc({
    vi: 'Trạng thái, chỉ cán bộ; mặc định published (lặp lại hoặc phân cách bằng dấu phẩy)',
    en: 'Status, officers only; default published (repeated or comma-separated)',
  })
  status?: ProjectStatus[];
}
