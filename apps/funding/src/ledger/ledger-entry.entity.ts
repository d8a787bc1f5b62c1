import { LEDGER_ACCOUNT_KINDS, type LedgerAccountKind } from '@khoinghiep/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { LedgerTransaction } from './ledger-transaction.entity.js';

const kinds = LEDGER_ACCOUNT_KINDS.map((kind) => `'${kind}'`).join(', ');

/** One line of a ledger transaction: đồng, debit positive, credit negative, never zero. Append-only. */
@Entity('ledger_entries')
@Check('CHK_ledger_entries_account_kind', `"account_kind" IN (${kinds})`)
@Check('CHK_ledger_entries_amount', '"amount" <> 0')
@Index('IDX_ledger_entries_transaction', ['transactionId'])
@Index('IDX_ledger_entries_account', ['accountKind', 'accountReference'])
export class LedgerEntry {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_ledger_entries' })
  id!: string;

  @Column({ type: 'uuid' })
  transactionId!: string;

  @ManyToOne(() => LedgerTransaction, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'transaction_id', foreignKeyConstraintName: 'FK_ledger_entries_transaction' })
  transaction?: LedgerTransaction;

  @Column({ type: 'varchar', length: 32 })
  accountKind!: LedgerAccountKind;

  @Column({ type: 'varchar', length: 100 })
  accountReference!: string;

  /** Whole đồng as the driver returns a bigint: a string. */
  @Column({ type: 'bigint' })
  amount!: string;
}
