import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { Doc } from '../http/doc.js';
import { Money } from '../projects/field-rules.js';
import { OneOrMoreOf, PageQueryDto } from '../projects/list-projects.query.js';
import {
  PROJECT_SECTORS,
  PROJECT_STAGES,
  type ProjectSector,
  type ProjectStage,
} from '../projects/project-vocabulary.js';
import { PROVINCE_CODES } from '../projects/provinces.js';
import { MATCH_MARKS, type MatchMark } from './matching-vocabulary.js';

/**
 * `GET /matching/matches`: the investor's matches, best first, narrowed by the project's facts. Hidden projects never
 * appear; `saved=true` keeps only the saved ones.
 */
export class ListMatchesQueryDto extends PageQueryDto {
  @IsOptional()
  @OneOrMoreOf(PROJECT_SECTORS)
  @Doc({ vi: 'Lĩnh vực (lặp lại hoặc phân cách bằng dấu phẩy)', en: 'Sector (repeated or comma-separated)' })
  sector?: ProjectSector[];

  @IsOptional()
  @OneOrMoreOf(PROJECT_STAGES)
  @Doc({ vi: 'Giai đoạn (lặp lại hoặc phân cách bằng dấu phẩy)', en: 'Stage (repeated or comma-separated)' })
  stage?: ProjectStage[];

  @IsOptional()
  @OneOrMoreOf(PROVINCE_CODES)
  @Doc({
    vi: 'Mã tỉnh của dự án (lặp lại hoặc phân cách bằng dấu phẩy)',
    en: "The project's province code (repeated or comma-separated)",
  })
  province?: string[];

  @IsOptional()
  @Money()
  @Doc({ vi: 'Vốn dự án cần, tối thiểu (đồng)', en: 'Smallest funding ask (đồng)', example: '500000000' })
  ticketMin?: string;

  @IsOptional()
  @Money()
  @Doc({ vi: 'Vốn dự án cần, tối đa (đồng)', en: 'Largest funding ask (đồng)', example: '2000000000' })
  ticketMax?: string;

  // A query string carries text: "true"/"false" become booleans, anything else stays text and is refused.
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: '$property must be true or false' })
  @Doc({ vi: 'true: chỉ dự án đã lưu', en: 'true: saved projects only', example: true })
  saved?: boolean;
}

/** Body of `PUT /matching/matches/{projectId}/mark`. */
export class MarkMatchDto {
  @IsIn(MATCH_MARKS)
  @Doc({
    vi: 'saved: lưu lại; hidden: ẩn khỏi danh sách',
    en: 'saved: keep it; hidden: never list it again',
    example: 'saved',
  })
  mark!: MatchMark;
}
