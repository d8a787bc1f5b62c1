import { LEDGER_ACCOUNT_KINDS, type LedgerAccountKind } from '@khoinghiep/contracts';
import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

const kinds = LEDGER_ACCOUNT_KINDS.map((kind) => `'${kind}'`).join(', ');

/**
 * The running balance of each account, kept by a trigger on `ledger_entries` in the posting transaction (the
 * upsert locks the row, so concurrent postings to one account queue). Only `fund_capital`, the source every call
 * budget comes from, may be negative (a credit balance).
 */
@Entity('ledger_balances')
@Check('CHK_ledger_balances_account_kind', `"account_kind" IN (${kinds})`)
@Check('CHK_ledger_balances_not_negative', `"account_kind" = 'fund_capital' OR "balance" >= 0`)
export class LedgerBalance {
  @PrimaryColumn({ type: 'varchar', length: 32, primaryKeyConstraintName: 'PK_ledger_balances' })
  accountKind!: LedgerAccountKind;

  @PrimaryColumn({ type: 'varchar', length: 100, primaryKeyConstraintName: 'PK_ledger_balances' })
  accountReference!: string;

  @Column({ type: 'bigint' })
  balance!: string;
}
