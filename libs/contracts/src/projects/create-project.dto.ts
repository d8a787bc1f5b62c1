import { IsOptional } from 'class-validator';
import { Doc } from '../http/doc.js';
import {
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

/** Body of `POST /projects`: a new draft. */
export class CreateProjectDto {
  @Title()
  title!: string;

  @Summary()
  summary!: string;

  @Description()
  description!: string;

  @Kind()
  kind!: ProjectKind;

  @Sector()
  sector!: ProjectSector;

  @Stage()
  stage!: ProjectStage;

  @ProvinceCode()
  provinceCode!: string;

  @Commune()
  commune!: string;

  @Money()
  @Doc({ vi: 'Vốn cần huy động (đồng)', en: 'Funding ask in đồng', example: '1500000000' })
  fundingAsk!: string;

  @TeamSize()
  teamSize!: number;

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
}

/** Fields every submitted project must have; a draft is created with all of them. */
export const PROJECT_FIELDS = [
  'title',
  'summary',
  'description',
  'kind',
  'sector',
  'stage',
  'provinceCode',
  'commune',
  'fundingAsk',
  'teamSize',
  'targetGroups',
  'ocopStars',
  'certificationLevel',
  'website',
  'sharedContactFields',
] as const satisfies readonly (keyof CreateProjectDto)[];
export type ProjectField = (typeof PROJECT_FIELDS)[number];
