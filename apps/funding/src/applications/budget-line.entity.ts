import { SUPPORT_CATEGORIES, type SupportCategory } from '@khoinghiep/contracts';
import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Application, oneOf } from './application.entity.js';

/** One line of an application's budget: the fund is asked for `requested`, the applicant puts in `ownContribution`. */
@Entity('application_budget_lines')
@Check('CHK_application_budget_lines_category', oneOf('category', SUPPORT_CATEGORIES))
@Check('CHK_application_budget_lines_cost', '"cost" > 0')
@Check('CHK_application_budget_lines_parts', '"requested" >= 0 AND "own_contribution" >= 0')
@Check('CHK_application_budget_lines_within_cost', '"requested" + "own_contribution" <= "cost"')
@Check('CHK_application_budget_lines_position', '"position" >= 0')
export class BudgetLine {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_application_budget_lines' })
  applicationId!: string;

  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'PK_application_budget_lines' })
  position!: number;

  @ManyToOne(() => Application, { onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'FK_application_budget_lines_application' })
  application?: Application;

  @Column({ type: 'varchar', length: 48 })
  category!: SupportCategory;

  @Column({ type: 'varchar', length: 500 })
  description!: string;

  @Column({ type: 'bigint' })
  cost!: string;

  @Column({ type: 'bigint' })
  requested!: string;

  @Column({ type: 'bigint' })
  ownContribution!: string;
}
