import { MATCH_MARKS, type MatchMark } from '@khoinghiep/contracts';
import { Check, Column, Entity, PrimaryColumn } from 'typeorm';
import { oneOf } from '../sql-checks.js';

/**
 * An investor's mark on a project: saved (kept, `saved=true` lists only these) or hidden (never listed again). One
 * per pair, held by the primary key, so marking again replaces the mark. Kept when the project is unpublished: a
 * hidden project stays hidden if it is published again.
 */
@Entity('match_marks')
@Check('CHK_match_marks_mark', oneOf('mark', MATCH_MARKS))
export class MatchMarkRecord {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_match_marks' })
  investorId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_match_marks' })
  projectId!: string;

  @Column({ type: 'varchar', length: 16 })
  mark!: MatchMark;

  @Column({ type: 'timestamptz' })
  markedAt!: Date;
}
