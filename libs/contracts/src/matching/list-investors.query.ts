import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { Doc } from '../http/doc.js';
import { Money } from '../projects/field-rules.js';
import { PageQueryDto } from '../projects/list-projects.query.js';
import {
  PROJECT_SECTORS,
  PROJECT_STAGES,
  type ProjectSector,
  type ProjectStage,
} from '../projects/project-vocabulary.js';
import { PROVINCE_CODES } from '../projects/provinces.js';
import { INVESTOR_KINDS, type InvestorKind, MATCHING_TEXT_LIMITS } from './matching-vocabulary.js';

/**
 * `GET /matching/investors`: public cards of published profiles, newest profile first. The filters describe a
 * project (its sector, stage, province, ask): a card is listed when the investor looks for it.
 */
export class ListInvestorsQueryDto extends PageQueryDto {
  @IsOptional()
  @IsString()
  @MaxLength(MATCHING_TEXT_LIMITS.searchName.max)
  @Doc({
    vi: 'Từ khóa trong tên, tổ chức và luận điểm đầu tư, có hoặc không dấu',
    en: 'Words in name, organisation and thesis, with or without diacritics',
    example: 'quy dau tu song hong',
  })
  q?: string;

  @IsOptional()
  @IsIn(INVESTOR_KINDS)
  @Doc({ vi: 'Loại nhà đầu tư', en: 'Kind of investor', example: 'venture_fund' })
  kind?: InvestorKind;

  @IsOptional()
  @IsIn(PROJECT_SECTORS)
  @Doc({
    vi: 'Lĩnh vực: nhà đầu tư quan tâm (hoặc mọi lĩnh vực) và không loại trừ',
    en: 'Sector: the investor looks for it (or any sector) and does not exclude it',
    example: 'agriculture_food',
  })
  sector?: ProjectSector;

  @IsOptional()
  @IsIn(PROJECT_STAGES)
  @Doc({
    vi: 'Giai đoạn: nhà đầu tư quan tâm (hoặc mọi giai đoạn)',
    en: 'Stage: the investor looks for it (or any stage)',
    example: 'prototype',
  })
  stage?: ProjectStage;

  @IsOptional()
  @IsIn(PROVINCE_CODES, {
    message: '$property must be the code of one of the 34 provinces and cities (e.g. 01, 79)',
  })
  @Doc({
    vi: 'Mã tỉnh: nhà đầu tư chọn tỉnh này, hoặc đầu tư cả nước',
    en: 'Province code: the investor names it, or invests nationwide',
    example: '01',
  })
  provinceCode?: string;

  @IsOptional()
  @Money()
  @Doc({
    vi: 'Số vốn dự án cần (đồng): mức đầu tư của nhà đầu tư bao trùm số này',
    en: "A project's ask (đồng): the investor's ticket covers it",
    example: '1500000000',
  })
  ticket?: string;
}
