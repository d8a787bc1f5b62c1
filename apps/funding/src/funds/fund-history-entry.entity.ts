import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { RuleVersion } from '../rules/rule-version.entity.js';
import { Fund } from './fund.entity.js';

export const FUND_ACTIONS = ['create', 'update'] as const;
export type FundAction = (typeof FUND_ACTIONS)[number];

/** A fund's fields as the audit trail keeps them: money as strings, times as ISO text. */
export type FundSnapshot = { [field: string]: string | number | null };

/**
 * One change of a fund: who, when, what it was and became, and the capital rule version applied. Append-only: a
 * trigger created by the migration refuses UPDATE and DELETE.
 */
@Entity('fund_history')
@Check('CHK_fund_history_action', `"action" IN ('create', 'update')`)
@Index('IDX_fund_history_fund', ['fundId', 'occurredAt', 'id'])
export class FundHistoryEntry {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_fund_history' })
  id!: string;

  @Column({ type: 'uuid' })
  fundId!: string;

  @ManyToOne(() => Fund, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'fund_id', foreignKeyConstraintName: 'FK_fund_history_fund' })
  fund?: Fund;

  @Column({ type: 'varchar', length: 32 })
  action!: FundAction;

  /** Version of the fund after this change. */
  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'varchar', length: 32, array: true })
  actorRoles!: string[];

  @Column({ type: 'varchar', length: 64, array: true })
  changedFields!: string[];

  /** The fund's fields before the change (null on creation) and after it. */
  @Column({ type: 'jsonb', nullable: true })
  before!: FundSnapshot | null;

  @Column({ type: 'jsonb' })
  after!: FundSnapshot;

  /** The capital-share rule version checked for this change, if a rule applied. */
  @Column({ type: 'uuid', nullable: true })
  capitalRuleVersionId!: string | null;

  @ManyToOne(() => RuleVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'capital_rule_version_id',
    foreignKeyConstraintName: 'FK_fund_history_capital_rule_version',
  })
  capitalRuleVersion?: RuleVersion;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  correlationId!: string | null;

  @Column({ type: 'timestamptz' })
  occurredAt!: Date;
}
