import {
  PROJECT_SECTORS,
  PROJECT_STAGES,
  type ProjectSector,
  type ProjectStage,
} from '@khoinghiep/contracts';
import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { allOf, SAVED_SEARCH_CHECKS } from '../sql-checks.js';

/**
 * An investor's saved search: filters a newly published project must pass, and the least score it must reach against
 * the investor's published profile, for a notification. Never edited: deleting and saving again is how it changes.
 * The database refuses more than `SAVED_SEARCH_LIMITS.perInvestor` per investor (a trigger under a per-investor lock)
 * and keeps `filterKeys` from the filters (a trigger) for the index that finds the searches a project passes.
 */
@Entity('saved_searches')
@Check('CHK_saved_searches_sectors', allOf('sectors', PROJECT_SECTORS))
@Check('CHK_saved_searches_stages', allOf('stages', PROJECT_STAGES))
@Check('CHK_saved_searches_ask', SAVED_SEARCH_CHECKS.ask)
@Check('CHK_saved_searches_min_score', SAVED_SEARCH_CHECKS.minScore)
@Index('IDX_saved_searches_investor', ['investorId', 'createdAt', 'id'])
@Index('IDX_saved_searches_filter_keys', { synchronize: false })
export class SavedSearch {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_saved_searches' })
  id!: string;

  @Column({ type: 'uuid' })
  investorId!: string;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  /** Empty: any sector. */
  @Column({ type: 'varchar', length: 32, array: true })
  sectors!: ProjectSector[];

  /** Empty: any stage. */
  @Column({ type: 'varchar', length: 32, array: true })
  stages!: ProjectStage[];

  /** Empty: nationwide. */
  @Column({ type: 'varchar', length: 2, array: true })
  provinceCodes!: string[];

  /** Whole đồng; null leaves that end of the ask range open. */
  @Column({ type: 'bigint', nullable: true })
  askMin!: string | null;

  @Column({ type: 'bigint', nullable: true })
  askMax!: string | null;

  /** The words as typed (shown back); null: no words. */
  @Column({ type: 'text', nullable: true })
  query!: string | null;

  /** The words folded (`foldTerms`): a project passes when its title and summary have every one. */
  @Column({ type: 'text', array: true })
  queryTerms!: string[];

  @Column({ type: 'smallint' })
  minScore!: number;

  @Column({ type: 'boolean' })
  notify!: boolean;

  /**
   * `sector:<code>` or `sector:*`, likewise `stage:` and `province:`; set by the database from the filters (never
   * written by the app). A project passes a search's lists when, for each prefix, its own key or `*` is present.
   */
  @Column({ type: 'text', array: true, insert: false, update: false, default: () => "'{}'" })
  filterKeys!: string[];

  @Column({ type: 'timestamptz' })
  createdAt!: Date;
}
