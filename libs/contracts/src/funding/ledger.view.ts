import { Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Doc, Nullable } from '../http/doc.js';
import {
  LEDGER_ACCOUNT_KINDS,
  LEDGER_TRANSACTION_KINDS,
  type LedgerAccountKind,
  type LedgerTransactionKind,
} from './funding-vocabulary.js';

/** A signed whole number of đồng as a string: debit positive, credit negative. */
export const SIGNED_MONEY_PATTERN = /^(0|-?[1-9][0-9]{0,17})$/;

/** The balance of one ledger account. */
export class LedgerBalanceLineView {
  @IsIn(LEDGER_ACCOUNT_KINDS)
  @Doc({ vi: 'Loại tài khoản', en: 'Account kind', example: 'call_available' })
  accountKind!: LedgerAccountKind;

  @IsString()
  @Doc({ vi: 'Đối tượng (quỹ, đợt, khoản tài trợ)', en: 'What it belongs to (fund, call, grant)' })
  accountReference!: string;

  @Matches(SIGNED_MONEY_PATTERN)
  @Doc({
    vi: 'Số dư (đồng): dương là Nợ, âm là Có',
    en: 'Balance in đồng: debit positive, credit negative',
    example: '500000000',
  })
  balance!: string;
}

/** Every account's balance; debits and credits are equal, so `total` is always "0". */
export class TrialBalanceView {
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => LedgerBalanceLineView)
  @Doc({ vi: 'Các tài khoản có phát sinh', en: 'Accounts with any entry' })
  lines!: LedgerBalanceLineView[];

  @Matches(SIGNED_MONEY_PATTERN)
  @Doc({ vi: 'Tổng Nợ (đồng)', en: 'Total debit balances (đồng)' })
  totalDebit!: string;

  @Matches(SIGNED_MONEY_PATTERN)
  @Doc({ vi: 'Tổng Có (đồng)', en: 'Total credit balances (đồng)' })
  totalCredit!: string;

  @Matches(SIGNED_MONEY_PATTERN)
  @Doc({ vi: 'Nợ trừ Có, luôn bằng 0', en: 'Debits minus credits, always 0', example: '0' })
  total!: string;

  @IsISO8601({ strict: true })
  @Doc({ vi: 'Thời điểm lập', en: 'When it was drawn up' })
  asOf!: string;
}

/** One line of a ledger transaction. */
export class LedgerEntryView {
  @IsIn(LEDGER_ACCOUNT_KINDS)
  accountKind!: LedgerAccountKind;

  @IsString()
  accountReference!: string;

  @Matches(SIGNED_MONEY_PATTERN)
  @Doc({ vi: 'Số tiền: dương là Nợ, âm là Có', en: 'Amount: debit positive, credit negative' })
  amount!: string;
}

/** A posted ledger transaction (never changed afterwards). */
export class LedgerTransactionView {
  @IsUUID()
  id!: string;

  @IsIn(LEDGER_TRANSACTION_KINDS)
  kind!: LedgerTransactionKind;

  @IsString()
  @Doc({ vi: 'Đối tượng nghiệp vụ (đợt, khoản tài trợ…)', en: 'Business reference (call, grant…)' })
  reference!: string;

  @IsISO8601({ strict: true })
  occurredAt!: string;

  @Nullable()
  @IsUUID()
  actorId!: string | null;

  @Nullable()
  @IsUUID()
  @Doc({ vi: 'Giao dịch bị đảo', en: 'The transaction this one reverses' })
  reversalOf!: string | null;

  @Nullable()
  @IsString()
  memo!: string | null;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => LedgerEntryView)
  entries!: LedgerEntryView[];
}

/** Reverse a ledger transaction: the only way to correct one. */
export class ReverseLedgerTransactionDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  @Doc({
    vi: 'Lý do điều chỉnh',
    en: 'Why it is corrected',
    example: 'Ghi nhầm số tiền tạm ứng.',
  })
  reason!: string;
}
