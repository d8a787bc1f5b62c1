import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Doc } from '../http/doc.js';
import { Money, rules, TextOfLength } from '../projects/field-rules.js';
import {
  PROJECT_SECTORS,
  PROJECT_STAGES,
  type ProjectSector,
  type ProjectStage,
} from '../projects/project-vocabulary.js';
import { PROVINCE_CODES } from '../projects/provinces.js';
import { MATCHING_TEXT_LIMITS } from './matching-vocabulary.js';
import { SAVED_SEARCH_LIMITS } from './notification-vocabulary.js';

/** Absent is allowed, `null` is not (a filter is left out by leaving it out). */
const IfPresent = () => ValidateIf((_object: unknown, value: unknown) => value !== undefined);

const SomeOf = (values: readonly string[]) =>
  rules(IsArray(), ArrayMaxSize(values.length), ArrayUnique(), IsIn(values, { each: true }));

/** The range of funding asks a saved search accepts (whole đồng); either end may be left open. */
export class AskRangeDto {
  @IfPresent()
  @Money()
  @Doc({ vi: 'Vốn cần tối thiểu (đồng)', en: 'Smallest funding ask (đồng)', example: '500000000' })
  min?: string;

  @IfPresent()
  @Money()
  @Doc({ vi: 'Vốn cần tối đa (đồng)', en: 'Largest funding ask (đồng)', example: '2000000000' })
  max?: string;
}

/** What a project must be to pass a saved search. Every filter left out accepts every project. */
export class SavedSearchFiltersDto {
  @IfPresent()
  @SomeOf(PROJECT_SECTORS)
  @Doc({ vi: 'Lĩnh vực (một trong các)', en: 'Sectors (any of)', example: ['agriculture_food'] })
  sectors?: ProjectSector[];

  @IfPresent()
  @SomeOf(PROJECT_STAGES)
  @Doc({ vi: 'Giai đoạn (một trong các)', en: 'Stages (any of)', example: ['early_revenue', 'growth'] })
  stages?: ProjectStage[];

  @IfPresent()
  @SomeOf(PROVINCE_CODES)
  @Doc({ vi: 'Mã tỉnh (một trong các)', en: 'Province codes (any of)', example: ['66', '68'] })
  provinceCodes?: string[];

  @IfPresent()
  @IsObject()
  @ValidateNested()
  @Type(() => AskRangeDto)
  @Doc({ vi: 'Khoảng vốn dự án cần', en: "Range of the project's funding ask" })
  ticket?: AskRangeDto;

  @IfPresent()
  @TextOfLength(SAVED_SEARCH_LIMITS.query)
  @Doc({
    vi: 'Từ khoá phải có trong tên và tóm tắt dự án, có hoặc không dấu ("ca phe" khớp "cà phê")',
    en: "Words the project's title and summary must contain, with or without diacritics",
    example: 'cà phê',
  })
  q?: string;
}

/** Body of `POST /matching/saved-searches`. */
export class CreateSavedSearchDto {
  @TextOfLength(MATCHING_TEXT_LIMITS.searchName)
  @Doc({ vi: 'Tên tìm kiếm', en: 'Name of the search', example: 'Cà phê Tây Nguyên' })
  name!: string;

  @IsObject()
  @ValidateNested()
  @Type(() => SavedSearchFiltersDto)
  @Doc({ vi: 'Bộ lọc', en: 'Filters' })
  filters!: SavedSearchFiltersDto;

  @IfPresent()
  @IsInt()
  @Min(SAVED_SEARCH_LIMITS.minScore.min)
  @Max(SAVED_SEARCH_LIMITS.minScore.max)
  @Doc({
    vi: `Điểm phù hợp tối thiểu để được báo (0–100, mặc định ${SAVED_SEARCH_LIMITS.defaultMinScore})`,
    en: `Least match score that notifies (0–100, default ${SAVED_SEARCH_LIMITS.defaultMinScore})`,
    example: 60,
  })
  minScore?: number;

  @IfPresent()
  @IsBoolean()
  @Doc({
    vi: 'Báo khi có dự án mới phù hợp (mặc định có)',
    en: 'Notify me of new matching projects (default true)',
    example: true,
  })
  notify?: boolean;
}
