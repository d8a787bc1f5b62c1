import { PRIVATE_INVESTOR_KINDS, type PrivateInvestorKind } from '@khoinghiep/contracts';
import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Application, oneOf } from '../applications/application.entity.js';

/**
 * A private investor beside a state co-investment proposal (an application of kind `coinvestment`), with what it
 * committed in đồng and the day it chose the startup. Append-only; a proposal without a private venture fund is
 * refused by the database (constraint trigger of migration `1791000011000`).
 */
@Entity('coinvestment_private_investors')
@Check('CHK_coinvestment_private_investors_kind', oneOf('kind', PRIVATE_INVESTOR_KINDS))
@Check('CHK_coinvestment_private_investors_amount', '"amount" > 0')
@Check('CHK_coinvestment_private_investors_position', '"position" >= 0')
@Check('CHK_coinvestment_private_investors_name', `btrim("name") <> ''`)
export class PrivateInvestor {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_coinvestment_private_investors' })
  applicationId!: string;

  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'PK_coinvestment_private_investors' })
  position!: number;

  @ManyToOne(() => Application, { onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
  @JoinColumn({
    name: 'application_id',
    foreignKeyConstraintName: 'FK_coinvestment_private_investors_application',
  })
  application?: Application;

  @Column({ type: 'varchar', length: 300 })
  name!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: PrivateInvestorKind;

  @Column({ type: 'bigint' })
  amount!: string;

  @Column({ type: 'date' })
  choseOn!: string;
}
