import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { MATCH_LIST_SIZE } from '../scoring/ranking.js';
import { matchListChecks } from '../sql-checks.js';

const checks = matchListChecks('entries', 'floor_score', 'floor_project_id', MATCH_LIST_SIZE);

/**
 * The match index's record of one investor: whether the investor is in matching (as the index last applied the
 * profile), and the floor of the stored list (its last entry), so a new project is compared with the floor instead
 * of the list. `changeNumber` comes from a sequence taken under the exclusive index lock whenever the floor may have
 * gone down or the profile changed: a cache of investors catches up by reading the rows above the highest it holds.
 */
@Entity('investor_match_lists')
@Check('CHK_investor_match_lists_entries', checks.entries)
@Check('CHK_investor_match_lists_floor', checks.floor)
@Index('IDX_investor_match_lists_change', ['changeNumber'], { unique: true })
export class InvestorMatchList {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_investor_match_lists' })
  investorId!: string;

  /** The profile is published, as the index last applied it. */
  @Column({ type: 'boolean' })
  active!: boolean;

  /** `investor_profiles.revision` of the profile the list was built from. */
  @Column({ type: 'bigint', nullable: true })
  profileRevision!: string | null;

  /** The weights version the list was built with; null before it was first built. */
  @Column({ type: 'uuid', nullable: true })
  weightsVersionId!: string | null;

  /** Matches stored (at most MATCH_LIST_SIZE). */
  @Column({ type: 'smallint', default: 0 })
  entries!: number;

  /** Score and project of the last stored match; null when the list is empty. */
  @Column({ type: 'double precision', nullable: true })
  floorScore!: number | null;

  @Column({ type: 'uuid', nullable: true })
  floorProjectId!: string | null;

  @Column({ type: 'bigint', default: () => "nextval('investor_match_list_changes')" })
  changeNumber!: string;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;
}
