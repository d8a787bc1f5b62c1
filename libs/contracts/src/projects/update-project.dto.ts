import { IsOptional, ValidateIf } from 'class-validator';
import { Doc } from '../http/doc.js';
import {
  BasedOnVersion,
  CertificationLevel,
  Commune,
  Description,
  Kind,
  Money,
  OcopStars,
  ProvinceCode,
  Sector,
  SharedContactFields,
  Stage,
  Summary,
  TargetGroups,
  TeamSize,
  Title,
  Website,
} from './field-rules.js';
import type {
  CertificationLevel as CertificationLevelValue,
  ContactField,
  ProjectKind,
  ProjectSector,
  ProjectStage,
  TargetGroup,
} from './project-vocabulary.js';

/** A field absent from a PATCH body keeps its value; `null` is refused for fields a project must have. */
const IfPresent = () => ValidateIf((_object: unknown, value: unknown) => value !== undefined);

/**
 * Body of `PATCH /projects/{id}` (a merge patch): only the fields given change. Optional fields (`ocopStars`,
 * `certificationLevel`, `website`) are cleared with `null`. `version` (or the `If-Match` header) names the version
 * the edit is based on; a stale one is refused.
 */
export class UpdateProjectDto {
  @IfPresent()
  @Title()
  title?: string;

  @IfPresent()
  @Summary()
  summary?: string;

  @IfPresent()
  @Description()
  description?: string;

  @IfPresent()
  @Kind()
  kind?: ProjectKind;

  @IfPresent()
  @Sector()
  sector?: ProjectSector;

  @IfPresent()
  @Stage()
  stage?: ProjectStage;

  @IfPresent()
  @ProvinceCode()
  provinceCode?: string;

  @IfPresent()
  @Commune()
  commune?: string;

  @IfPresent()
  @Money()
  @Doc({ vi: 'Vốn cần huy động (đồng)', en: 'Funding ask in đồng', example: '1500000000' })
  fundingAsk?: string;

  @IfPresent()
  @TeamSize()
  teamSize?: number;

  @IsOptional()
  @TargetGroups()
  targetGroups?: TargetGroup[] | null;

  @IsOptional()
  @OcopStars()
  ocopStars?: number | null;

  @IsOptional()
  @CertificationLevel()
  certificationLevel?: CertificationLevelValue | null;

  @IsOptional()
  @Website()
  website?: string | null;

  @IsOptional()
  @SharedContactFields()
  sharedContactFields?: ContactField[] | null;

  @IsOptional()
  @BasedOnVersion()
  version?: number;
}
