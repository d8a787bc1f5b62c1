import {
  CERTIFICATION_LEVELS,
  type CertificationLevel,
  type ContactField,
  PROJECT_KINDS,
  PROJECT_SECTORS,
  PROJECT_STAGES,
  PROJECT_STATUSES,
  type ProjectKind,
  type ProjectSector,
  type ProjectStage,
  type ProjectStatus,
  type TargetGroup,
} from '@khoinghiep/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Province } from '../reference/province.entity.js';

const oneOf = (column: string, values: readonly string[]) =>
  `"${column}" IN (${values.map((value) => `'${value}'`).join(', ')})`;

/**
 * An idea or startup project. `version` increases with every change and guards against lost updates (optimistic
 * concurrency); the status moves only through the state machine in `project-state-machine.ts`.
 *
 * Indexes the entity cannot describe (search, partial index of the catalogue) are created by the migration and
 * marked `synchronize: false` here so the schema check leaves them alone.
 */
@Entity('projects')
@Check('CHK_projects_status', oneOf('status', PROJECT_STATUSES))
@Check('CHK_projects_kind', oneOf('kind', PROJECT_KINDS))
@Check('CHK_projects_sector', oneOf('sector', PROJECT_SECTORS))
@Check('CHK_projects_stage', oneOf('stage', PROJECT_STAGES))
@Check('CHK_projects_certification_level', oneOf('certification_level', CERTIFICATION_LEVELS))
@Check('CHK_projects_funding_ask', '"funding_ask" >= 0')
@Check('CHK_projects_team_size', '"team_size" >= 1')
@Check('CHK_projects_ocop_stars', '"ocop_stars" BETWEEN 3 AND 5')
@Check('CHK_projects_version', '"version" >= 1')
@Index('IDX_projects_owner', ['ownerId', 'createdAt', 'id'])
@Index('IDX_projects_status_submitted', ['status', 'submittedAt', 'id'])
@Index('IDX_projects_catalogue', { synchronize: false })
@Index('IDX_projects_search_document', { synchronize: false })
@Index('IDX_projects_title_trigram', { synchronize: false })
export class Project {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_projects' })
  id!: string;

  @Column({ type: 'uuid' })
  ownerId!: string;

  @Column({ type: 'varchar', length: 32 })
  status!: ProjectStatus;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 1000 })
  summary!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: ProjectKind;

  @Column({ type: 'varchar', length: 32 })
  sector!: ProjectSector;

  @Column({ type: 'varchar', length: 32 })
  stage!: ProjectStage;

  @Column({ type: 'varchar', length: 2 })
  provinceCode!: string;

  @ManyToOne(() => Province, { onDelete: 'RESTRICT', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'province_code', foreignKeyConstraintName: 'FK_projects_province' })
  province?: Province;

  @Column({ type: 'varchar', length: 120 })
  commune!: string;

  /** Whole đồng; TypeORM reads `bigint` as a string, which is also how the API carries money. */
  @Column({ type: 'bigint' })
  fundingAsk!: string;

  @Column({ type: 'integer' })
  teamSize!: number;

  @Column({ type: 'varchar', length: 32, array: true })
  targetGroups!: TargetGroup[];

  @Column({ type: 'smallint', nullable: true })
  ocopStars!: number | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  certificationLevel!: CertificationLevel | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  website!: string | null;

  @Column({ type: 'varchar', length: 16, array: true })
  sharedContactFields!: ContactField[];

  /** What the last officer said when asking for a revision, rejecting or unpublishing. */
  @Column({ type: 'text', nullable: true })
  lastReviewComment!: string | null;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;

  /** Time of the latest submission; the review queue is ordered by it. */
  @Column({ type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  /** Time of the first submission: from then on officers may see the project. */
  @Column({ type: 'timestamptz', nullable: true })
  firstSubmittedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  /** Diacritics-free full-text vector of title and summary, kept by a database trigger; never read or written here. */
  @Column({ type: 'tsvector', select: false, insert: false, update: false })
  searchDocument?: string;

  /** Lower-case, diacritics-free title for trigram matching, kept by the same trigger. */
  @Column({ type: 'text', select: false, insert: false, update: false })
  titleFolded?: string;
}
