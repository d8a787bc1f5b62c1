import {
  CAPITAL_SOURCES,
  type CapitalSource,
  FUND_KINDS,
  type FundKind,
  PRIORITY_GROUPS,
  PROGRAMMES,
  PROVINCE_CODES,
  type PriorityGroup,
  type Programme,
  RULE_KINDS,
  type RuleKind,
  SUPPORT_CATEGORIES,
  type SupportCategory,
} from '@khoinghiep/contracts';
import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

const oneOf = (column: string, values: readonly string[]) =>
  `"${column}" IN (${values.map((value) => `'${value}'`).join(', ')})`;

/**
 * Which columns each kind of rule fills (its subject and its value); the same expression is in the migration.
 * Kept in one place so entity and migration cannot drift apart silently (the schema check compares names).
 */
export const RULE_SHAPE_CHECK = `
  ("kind" = 'support_ceiling' AND "category" IS NOT NULL AND "fund_kind" IS NULL AND "capital_source" IS NULL
    AND "priority_groups" IS NULL AND ("amount_cap" IS NOT NULL OR "basis_points" IS NOT NULL))
  OR ("kind" = 'advance_rate' AND "category" IS NOT NULL AND "fund_kind" IS NULL AND "capital_source" IS NULL
    AND "priority_groups" IS NULL AND "amount_cap" IS NULL AND "basis_points" IS NOT NULL)
  OR ("kind" = 'coinvestment_cap' AND "category" IS NULL AND "fund_kind" IS NULL AND "capital_source" IS NULL
    AND "priority_groups" IS NULL AND "amount_cap" IS NULL AND "basis_points" IS NOT NULL)
  OR ("kind" = 'capital_share_cap' AND "category" IS NULL AND "fund_kind" IS NOT NULL
    AND "capital_source" IS NOT NULL AND "priority_groups" IS NULL AND "amount_cap" IS NULL
    AND "basis_points" IS NOT NULL)
  OR ("kind" = 'priority_groups' AND "category" IS NULL AND "fund_kind" IS NULL AND "capital_source" IS NULL
    AND "priority_groups" IS NOT NULL AND cardinality("priority_groups") > 0 AND "amount_cap" IS NULL
    AND "basis_points" IS NULL)`;

export const RULE_CHECKS = {
  CHK_programme_rule_versions_kind: oneOf('kind', RULE_KINDS),
  CHK_programme_rule_versions_programme: oneOf('programme', PROGRAMMES),
  CHK_programme_rule_versions_category: oneOf('category', SUPPORT_CATEGORIES),
  CHK_programme_rule_versions_fund_kind: oneOf('fund_kind', FUND_KINDS),
  CHK_programme_rule_versions_capital_source: oneOf('capital_source', CAPITAL_SOURCES),
  CHK_programme_rule_versions_province: oneOf('province_code', PROVINCE_CODES),
  CHK_programme_rule_versions_priority_groups: `"priority_groups" <@ ARRAY[${PRIORITY_GROUPS.map((group) => `'${group}'`).join(', ')}]::varchar[]`,
  CHK_programme_rule_versions_amount_cap: '"amount_cap" >= 0',
  CHK_programme_rule_versions_basis_points: '"basis_points" BETWEEN 0 AND 10000',
  CHK_programme_rule_versions_dates: '"effective_until" >= "effective_from"',
  CHK_programme_rule_versions_shape: RULE_SHAPE_CHECK,
  // Same namespace and name as `ruleIdOf` (rule-identity.ts); migration 1791000001002.
  CHK_programme_rule_versions_rule_id: `"rule_id" = uuid_generate_v5('6f1c6a52-3c8e-4f0e-9d0b-2a2f6b1f7c41'::uuid,
    "kind" || '|' || "programme" || '|' || COALESCE("category", '') || '|' || COALESCE("fund_kind", '')
      || '|' || COALESCE("capital_source", ''))`,
} as const;

/**
 * One version of a programme rule: dated reference data with a scope (national when `provinceCode` is null) and its
 * legal source. A change is a new row; the migration's trigger refuses UPDATE and DELETE, so the row is also the
 * audit record of the change (who recorded it, when, why). `ruleId` names the rule all its versions belong to
 * (derived from kind and subject, see `rule-identity.ts`).
 */
@Entity('programme_rule_versions')
@Check('CHK_programme_rule_versions_kind', RULE_CHECKS.CHK_programme_rule_versions_kind)
@Check('CHK_programme_rule_versions_programme', RULE_CHECKS.CHK_programme_rule_versions_programme)
@Check('CHK_programme_rule_versions_category', RULE_CHECKS.CHK_programme_rule_versions_category)
@Check('CHK_programme_rule_versions_fund_kind', RULE_CHECKS.CHK_programme_rule_versions_fund_kind)
@Check('CHK_programme_rule_versions_capital_source', RULE_CHECKS.CHK_programme_rule_versions_capital_source)
@Check('CHK_programme_rule_versions_province', RULE_CHECKS.CHK_programme_rule_versions_province)
@Check('CHK_programme_rule_versions_priority_groups', RULE_CHECKS.CHK_programme_rule_versions_priority_groups)
@Check('CHK_programme_rule_versions_amount_cap', RULE_CHECKS.CHK_programme_rule_versions_amount_cap)
@Check('CHK_programme_rule_versions_basis_points', RULE_CHECKS.CHK_programme_rule_versions_basis_points)
@Check('CHK_programme_rule_versions_dates', RULE_CHECKS.CHK_programme_rule_versions_dates)
@Check('CHK_programme_rule_versions_shape', RULE_CHECKS.CHK_programme_rule_versions_shape)
@Check('CHK_programme_rule_versions_rule_id', RULE_CHECKS.CHK_programme_rule_versions_rule_id)
@Index('IDX_programme_rule_versions_rule', ['ruleId', 'effectiveFrom', 'recordedAt', 'id'])
@Index('IDX_programme_rule_versions_kind', ['kind', 'effectiveFrom'])
export class RuleVersion {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_programme_rule_versions' })
  id!: string;

  /** The rule this is a version of: the same for every version and scope of one kind and subject. */
  @Column({ type: 'uuid' })
  ruleId!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: RuleKind;

  @Column({ type: 'varchar', length: 32 })
  programme!: Programme;

  @Column({ type: 'varchar', length: 48, nullable: true })
  category!: SupportCategory | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  fundKind!: FundKind | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  capitalSource!: CapitalSource | null;

  /** Null: national; otherwise the province whose own rule this is. */
  @Column({ type: 'varchar', length: 2, nullable: true })
  provinceCode!: string | null;

  /** Whole đồng (TypeORM reads `bigint` as a string). */
  @Column({ type: 'bigint', nullable: true })
  amountCap!: string | null;

  /** Share or rate in basis points (10 000 = 100 %). */
  @Column({ type: 'integer', nullable: true })
  basisPoints!: number | null;

  @Column({ type: 'varchar', length: 32, array: true, nullable: true })
  priorityGroups!: PriorityGroup[] | null;

  /** First day in force (`YYYY-MM-DD`). */
  @Column({ type: 'date' })
  effectiveFrom!: string;

  /** Last day in force, inclusive; null: until further notice. */
  @Column({ type: 'date', nullable: true })
  effectiveUntil!: string | null;

  @Column({ type: 'varchar', length: 100 })
  legalSourceNumber!: string;

  @Column({ type: 'varchar', length: 300 })
  legalSourceName!: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  reason!: string | null;

  /** Admin who recorded it; null for the versions the seed migration loaded. */
  @Column({ type: 'uuid', nullable: true })
  recordedBy!: string | null;

  @Column({ type: 'timestamptz' })
  recordedAt!: Date;
}
