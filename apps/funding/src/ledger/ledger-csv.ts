import type { TrialBalanceView } from '@khoinghiep/contracts';
import { stringify } from 'csv-stringify/sync';

/** Vietnamese names of the accounts, for the accountant's file. */
const ACCOUNT_NAMES: Readonly<Record<string, string>> = {
  fund_capital: 'Vốn quỹ',
  call_available: 'Ngân sách đợt còn lại',
  grant_undisbursed: 'Tài trợ đã duyệt chưa giải ngân',
  grant_disbursed: 'Đã giải ngân',
  grant_returned: 'Đã hoàn trả, thu hồi',
};

export const CSV_MEDIA_TYPE = 'text/csv; charset=utf-8';

/**
 * The trial balance as a file Excel opens correctly on a Vietnamese Windows (ADR 0016): UTF-8 with a BOM (or the
 * diacritics break), `;` between fields (the list separator of the vi-VN locale, where `,` is the decimal mark),
 * CRLF lines, amounts as plain whole đồng with no thousands separator, debit and credit in separate columns.
 */
export function trialBalanceCsv(view: TrialBalanceView): string {
  const rows = view.lines.map((line) => {
    const balance = BigInt(line.balance);
    return [
      line.accountKind,
      ACCOUNT_NAMES[line.accountKind] ?? line.accountKind,
      line.accountReference,
      balance > 0n ? balance.toString() : '0',
      balance < 0n ? (-balance).toString() : '0',
    ];
  });
  return stringify([...rows, ['', 'Tổng cộng', '', view.totalDebit, view.totalCredit]], {
    bom: true,
    delimiter: ';',
    record_delimiter: 'windows',
    header: true,
    columns: ['Mã loại tài khoản', 'Tài khoản', 'Đối tượng', 'Dư Nợ (đồng)', 'Dư Có (đồng)'],
  });
}
