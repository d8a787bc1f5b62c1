import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsString,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Doc, Nullable } from '../http/doc.js';
import { Money } from '../projects/field-rules.js';
import {
  PROJECT_SECTORS,
  PROJECT_STAGES,
  type ProjectSector,
  type ProjectStage,
} from '../projects/project-vocabulary.js';
import { PROVINCE_CODES } from '../projects/provinces.js';

// Views are documentation of what the API answers (OpenAPI schemas are generated from them), not input rules.

/** A range of funding asks; `null` at an end leaves it open. */
export class AskRangeView {
  @Nullable()
  @Money()
  @Doc({ vi: 'Tối thiểu (đồng)', en: 'Smallest (đồng)', example: '500000000' })
  min!: string | null;

  @Nullable()
  @Money()
  @Doc({ vi: 'Tối đa (đồng)', en: 'Largest (đồng)', example: '2000000000' })
  max!: string | null;
}

/** A saved search's filters; an empty list, or `null`, accepts every project. */
export class SavedSearchFiltersView {
  @IsArray()
  @IsIn(PROJECT_SECTORS, { each: true })
  @Doc({ vi: 'Lĩnh vực (rỗng: mọi lĩnh vực)', en: 'Sectors (empty: any)' })
  sectors!: ProjectSector[];

  @IsArray()
  @IsIn(PROJECT_STAGES, { each: true })
  @Doc({ vi: 'Giai đoạn (rỗng: mọi giai đoạn)', en: 'Stages (empty: any)' })
  stages!: ProjectStage[];

  @IsArray()
  @IsIn(PROVINCE_CODES, { each: true })
  @Doc({ vi: 'Mã tỉnh (rỗng: toàn quốc)', en: 'Province codes (empty: nationwide)' })
  provinceCodes!: string[];

  // Always an object (both ends null: any ask): OpenAPI 3.0 cannot say "this object or null" for a nested view.
  @ValidateNested()
  @Type(() => AskRangeView)
  @Doc({
    vi: 'Khoảng vốn dự án cần (hai đầu rỗng: mọi mức)',
    en: "Range of the project's funding ask (both ends null: any)",
  })
  ticket!: AskRangeView;

  @Nullable()
  @IsString()
  @Doc({ vi: 'Từ khoá, như đã nhập', en: 'Words, as typed', example: 'cà phê' })
  q!: string | null;
}

/** One of an investor's saved searches. */
export class SavedSearchView {
  @IsUUID()
  @Doc({ vi: 'Mã tìm kiếm đã lưu', en: 'Saved search id' })
  id!: string;

  @IsString()
  @Doc({ example: 'Cà phê Tây Nguyên' })
  name!: string;

  @ValidateNested()
  @Type(() => SavedSearchFiltersView)
  filters!: SavedSearchFiltersView;

  @IsInt()
  @Min(0)
  @Max(100)
  @Doc({ vi: 'Điểm phù hợp tối thiểu để được báo', en: 'Least match score that notifies', example: 50 })
  minScore!: number;

  @IsBoolean()
  @Doc({ vi: 'Có báo khi có dự án mới phù hợp', en: 'Notifies of new matching projects' })
  notify!: boolean;

  @IsISO8601({ strict: true })
  createdAt!: string;
}
