import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Application } from '../applications/application.entity.js';

/**
 * One rule of the eligibility check of an application, as applied at submission: the rule, its version, passed or
 * not, and why in Vietnamese and English. Written once, in the submit transaction; append-only.
 */
@Entity('application_eligibility_outcomes')
export class EligibilityOutcome {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_application_eligibility_outcomes' })
  applicationId!: string;

  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'PK_application_eligibility_outcomes' })
  position!: number;

  @ManyToOne(() => Application, { onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
  @JoinColumn({
    name: 'application_id',
    foreignKeyConstraintName: 'FK_application_eligibility_outcomes_application',
  })
  application?: Application;

  @Column({ type: 'varchar', length: 64 })
  rule!: string;

  @Column({ type: 'varchar', length: 200 })
  ruleVersion!: string;

  @Column({ type: 'boolean' })
  passed!: boolean;

  @Column({ type: 'text' })
  reasonVi!: string;

  @Column({ type: 'text' })
  reasonEn!: string;

  @Column({ type: 'timestamptz' })
  checkedAt!: Date;
}
