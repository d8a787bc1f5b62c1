import { LEDGER_TRANSACTION_KINDS, type LedgerTransactionKind } from '@khoinghiep/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';

const kinds = LEDGER_TRANSACTION_KINDS.map((kind) => `'${kind}'`).join(', ');

/**
 * One business event in the ledger (ADR 0016). Append-only: a trigger refuses UPDATE and DELETE, a deferred
 * constraint trigger refuses a commit whose entries do not sum to zero. A correction is another transaction whose
 * `reversalOf` names this one (at most one reversal each).
 */
@Entity('ledger_transactions')
@Check('CHK_ledger_transactions_kind', `"kind" IN (${kinds})`)
@Check('CHK_ledger_transactions_reversal', `("kind" = 'reversal') = ("reversal_of" IS NOT NULL)`)
@Unique('UQ_ledger_transactions_reversal_of', ['reversalOf'])
@Index('IDX_ledger_transactions_reference', ['reference', 'occurredAt'])
export class LedgerTransaction {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_ledger_transactions' })
  id!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: LedgerTransactionKind;

  /** The business object the event is about (a call, a grant, a tranche…). */
  @Column({ type: 'varchar', length: 100 })
  reference!: string;

  @Column({ type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  /** The `Idempotency-Key` of the command that posted it, if any. */
  @Column({ type: 'varchar', length: 128, nullable: true })
  idempotencyKey!: string | null;

  @Column({ type: 'uuid', nullable: true })
  reversalOf!: string | null;

  @ManyToOne(() => LedgerTransaction, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reversal_of', foreignKeyConstraintName: 'FK_ledger_transactions_reversal_of' })
  reversed?: LedgerTransaction;

  @Column({ type: 'text', nullable: true })
  memo!: string | null;
}
