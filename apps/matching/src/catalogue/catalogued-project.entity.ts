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
import { MATCH_LIST_SIZE } from '../scoring/ranking.js';
import { CATALOGUED_PROJECT_CHECKS, matchListChecks, oneOf } from '../sql-checks.js';

const listChecks = matchListChecks(
  'list_entries',
  'list_floor_score',
  'list_floor_investor_id',
  MATCH_LIST_SIZE,
);

/**
 * What matching knows of a startup project, learnt from `projects.events` (never from the projects database): the
 * facts of its last approval. `lastVersion` is the project version of the newest event applied, so an older or
 * replayed event changes nothing. A project first heard of through an event without its facts (unpublished,
 * withdrawn) is kept by version only; a published row always has its facts.
 * The `list*` columns are the match index's bookkeeping of the project's stored best investors (ADR 0024): kept in
 * this row so that rescoring an investor reads every project's facts and floor in one pass.
 */
@Entity('catalogued_projects')
@Check('CHK_catalogued_projects_kind', oneOf('kind', PROJECT_KINDS))
@Check('CHK_catalogued_projects_sector', oneOf('sector', PROJECT_SECTORS))
@Check('CHK_catalogued_projects_stage', oneOf('stage', PROJECT_STAGES))
@Check('CHK_catalogued_projects_certification', oneOf('certification_level', CERTIFICATION_LEVELS))
@Check('CHK_catalogued_projects_version', CATALOGUED_PROJECT_CHECKS.version)
@Check('CHK_catalogued_projects_published_facts', CATALOGUED_PROJECT_CHECKS.publishedFacts)
@Check('CHK_catalogued_projects_list_entries', listChecks.entries)
@Check('CHK_catalogued_projects_list_floor', listChecks.floor)
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

  /** Investors stored in the project's list (at most MATCH_LIST_SIZE). */
  @Column({ type: 'smallint', default: 0 })
  listEntries!: number;

  /** Score and investor of the list's last entry; null when it is empty. */
  @Column({ type: 'double precision', nullable: true })
  listFloorScore!: number | null;

  @Column({ type: 'uuid', nullable: true })
  listFloorInvestorId!: string | null;

  /** The weights version the list was built with; null before it was first built. */
  @Column({ type: 'uuid', nullable: true })
  listWeightsVersionId!: string | null;
}
