import {
  PROJECT_KINDS,
  PROJECT_SECTORS,
  type ProjectKind,
  type ProjectSector,
  type TargetGroup,
} from '@khoinghiep/contracts';
import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

const oneOf = (column: string, values: readonly string[]) =>
  `"${column}" IN (${values.map((value) => `'${value}'`).join(', ')})`;

/**
 * What funding knows of a startup project, learnt from `projects.events` (never from the projects database).
 * `lastVersion` is the project version of the newest event applied: an older or replayed event changes nothing.
 * A project first heard of through an event without its facts (unpublished, withdrawn) is kept by version only,
 * so a late approval of an earlier version cannot make it published again; a published row always has its facts.
 */
@Entity('project_directory')
@Check('CHK_project_directory_kind', oneOf('kind', PROJECT_KINDS))
@Check('CHK_project_directory_sector', oneOf('sector', PROJECT_SECTORS))
@Check('CHK_project_directory_version', '"last_version" >= 1')
@Check(
  'CHK_project_directory_published_facts',
  '"published" = false OR ("title" IS NOT NULL AND "kind" IS NOT NULL AND "sector" IS NOT NULL AND "province_code" IS NOT NULL)',
)
@Index('IDX_project_directory_owner', ['ownerId'])
export class KnownProject {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_project_directory' })
  projectId!: string;

  @Column({ type: 'uuid' })
  ownerId!: string;

  @Column({ type: 'boolean' })
  published!: boolean;

  @Column({ type: 'varchar', length: 200, nullable: true })
  title!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  kind!: ProjectKind | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  sector!: ProjectSector | null;

  @Column({ type: 'varchar', length: 2, nullable: true })
  provinceCode!: string | null;

  @Column({ type: 'varchar', length: 32, array: true })
  targetGroups!: TargetGroup[];

  /** Version of the project in the newest event applied. */
  @Column({ type: 'integer' })
  lastVersion!: number;

  /** Type of that event, for operators. */
  @Column({ type: 'varchar', length: 64 })
  lastEventType!: string;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;
}
