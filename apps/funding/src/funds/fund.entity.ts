import { FUND_KINDS, type FundKind } from '@khoinghiep/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { RuleVersion } from '../rules/rule-version.entity.js';

const oneOf = (column: string, values: readonly string[]) =>
  `"${column}" IN (${values.map((value) => `'${value}'`).join(', ')})`;

/**
 * A fund that calls draw on: its kind, owner agency, province (none for a national fund) and capital by source in
 * whole đồng. When a capital-share cap applied to the last change (provincial venture fund, Decree 264/2025), the
 * cap in basis points and the rule version that set it are kept on the row, and a database check holds the
 * provincial-budget share within it.
 */
@Entity('funds')
@Check('CHK_funds_kind', oneOf('kind', FUND_KINDS))
@Check('CHK_funds_province_code', `"province_code" ~ '^[0-9]{2}$'`)
@Check('CHK_funds_national_has_no_province', `"kind" <> 'khuyen_cong_national' OR "province_code" IS NULL`)
@Check(
  'CHK_funds_provincial_has_province',
  `"kind" NOT IN ('khuyen_cong_local', 'provincial_venture_fund') OR "province_code" IS NOT NULL`,
)
@Check(
  'CHK_funds_capital',
  '"capital_central_budget" >= 0 AND "capital_provincial_budget" >= 0 AND "capital_private" >= 0 AND "capital_association" >= 0',
)
@Check('CHK_funds_cap_basis_points', '"provincial_budget_cap_basis_points" BETWEEN 0 AND 10000')
@Check(
  'CHK_funds_cap_has_rule_version',
  '("provincial_budget_cap_basis_points" IS NULL) = ("capital_rule_version_id" IS NULL)',
)
@Check(
  'CHK_funds_provincial_budget_share',
  '"provincial_budget_cap_basis_points" IS NULL OR "capital_provincial_budget"::numeric * 10000 <= "provincial_budget_cap_basis_points"::numeric * ("capital_central_budget"::numeric + "capital_provincial_budget"::numeric + "capital_private"::numeric + "capital_association"::numeric)',
)
@Check('CHK_funds_version', '"version" >= 1')
@Index('IDX_funds_list', ['createdAt', 'id'])
export class Fund {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_funds' })
  id!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: FundKind;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 200 })
  ownerAgency!: string;

  @Column({ type: 'varchar', length: 2, nullable: true })
  provinceCode!: string | null;

  /** Whole đồng; TypeORM reads `bigint` as a string, which is also how the API carries money. */
  @Column({ type: 'bigint' })
  capitalCentralBudget!: string;

  @Column({ type: 'bigint' })
  capitalProvincialBudget!: string;

  @Column({ type: 'bigint' })
  capitalPrivate!: string;

  @Column({ type: 'bigint' })
  capitalAssociation!: string;

  /** The provincial-budget cap applied at the last change, in basis points (4900 = 49 %), or null if none. */
  @Column({ type: 'integer', nullable: true })
  provincialBudgetCapBasisPoints!: number | null;

  /** The rule version that set that cap. */
  @Column({ type: 'uuid', nullable: true })
  capitalRuleVersionId!: string | null;

  @ManyToOne(() => RuleVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'capital_rule_version_id', foreignKeyConstraintName: 'FK_funds_capital_rule_version' })
  capitalRuleVersion?: RuleVersion;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;
}
