import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
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

const OneOrMoreOf = (values: readonly string[]) =>
  rules(ListOf(), ArrayMaxSize(values.length), IsIn(values, { each: true }));

/** Cursor pagination shared by every list: `limit` items after the opaque `cursor` of the previous page. */
export class PageQueryDto {
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE_SIZE.max)
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
  q?: string;

  @IsOptional()
  @OneOrMoreOf(PROJECT_SECTORS)
  sector?: ProjectSector[];

  @IsOptional()
  @OneOrMoreOf(PROJECT_STAGES)
  stage?: ProjectStage[];

  @IsOptional()
  @OneOrMoreOf(PROJECT_KINDS)
  kind?: ProjectKind[];

  @IsOptional()
  @OneOrMoreOf(PROVINCE_CODES)
  provinceCode?: string[];

  /** Projects naming at least one of these target groups. */
  @IsOptional()
  @OneOrMoreOf(TARGET_GROUPS)
  targetGroup?: TargetGroup[];

  /** Funding ask at least this many đồng. */
  @IsOptional()
  @Money()
  minFundingAsk?: string;

  /** Funding ask at most this many đồng. */
  @IsOptional()
  @Money()
  maxFundingAsk?: string;

  @IsOptional()
  @OneOrMoreOf(PROJECT_STATUSES)
  status?: ProjectStatus[];
}
