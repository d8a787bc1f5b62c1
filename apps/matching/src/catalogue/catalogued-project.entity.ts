import {
  CERTIFICATION_LEVELS,
  type CertificationLevel,
  type ContactField,
  PROJECT_KINDS,
  PROJECT_SECTORS,
  PROJECT_STAGES,
  type ProjectKind,
  type ProjectSector,
  type ProjectStage,
  type TargetGroup,
} from '@khoinghiep/contracts';
import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CATALOGUED_PROJECT_CHECKS, oneOf } from '../sql-checks.js';

/**
 * What matching knows of a startup project, learnt from `projects.events` (never from the projects database): the
 * facts of its last approval. `lastVersion` is the project version of the newest event applied, so an older or
 * replayed event changes nothing. A project first heard of through an event without its facts (unpublished,
 * withdrawn) is kept by version only; a published row always has its facts.
 */
@Entity('catalogued_projects')
@Check('CHK_catalogued_projects_kind', oneOf('kind', PROJECT_KINDS))
@Check('CHK_catalogued_projects_sector', oneOf('sector', PROJECT_SECTORS))
@Check('CHK_catalogued_projects_stage', oneOf('stage', PROJECT_STAGES))
@Check('CHK_catalogued_projects_certification', oneOf('certification_level', CERTIFICATION_LEVELS))
@Check('CHK_catalogued_projects_version', CATALOGUED_PROJECT_CHECKS.version)
@Check('CHK_catalogued_projects_published_facts', CATALOGUED_PROJECT_CHECKS.publishedFacts)
@Index('IDX_catalogued_projects_published', ['published', 'projectId'])
@Index('IDX_catalogued_projects_owner', ['ownerId'])
export class CataloguedProject {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_catalogued_projects' })
  projectId!: string;

  @Column({ type: 'uuid' })
  ownerId!: string;

  @Column({ type: 'boolean' })
  published!: boolean;

  @Column({ type: 'varchar', length: 200, nullable: true })
  title!: string | null;

  @Column({ type: 'text', nullable: true })
  summary!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  kind!: ProjectKind | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  sector!: ProjectSector | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  stage!: ProjectStage | null;

  @Column({ type: 'varchar', length: 2, nullable: true })
  provinceCode!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  commune!: string | null;

  /** Whole đồng. */
  @Column({ type: 'bigint', nullable: true })
  fundingAsk!: string | null;

  @Column({ type: 'integer', nullable: true })
  teamSize!: number | null;

  @Column({ type: 'varchar', length: 32, array: true })
  targetGroups!: TargetGroup[];

  @Column({ type: 'smallint', nullable: true })
  ocopStars!: number | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  certificationLevel!: CertificationLevel | null;

  @Column({ type: 'varchar', length: 16, array: true })
  sharedContactFields!: ContactField[];

  /** Words of the title and summary, lower case and without diacritics, for the thesis's text relevance. */
  @Column({ type: 'text', array: true })
  terms!: string[];

  /** Some member of the founding team completed a training course (from `training.events`, once it exists). */
  @Column({ type: 'boolean', default: false })
  trainingCompleted!: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ type: 'integer' })
  lastVersion!: number;

  @Column({ type: 'varchar', length: 64 })
  lastEventType!: string;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;
}
