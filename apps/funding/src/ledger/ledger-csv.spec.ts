import { parse } from 'csv-parse/sync';
import { trialBalanceCsv } from './ledger-csv.js';

describe('the trial balance as CSV', () => {
  const csv = trialBalanceCsv({
    lines: [
      { accountKind: 'call_available', accountReference: 'call-1', balance: '700000000' },
      { accountKind: 'fund_capital', accountReference: 'quỹ; "A"', balance: '-1000000000' },
      { accountKind: 'grant_undisbursed', accountReference: 'grant-1', balance: '300000000' },
    ],
    totalDebit: '1000000000',
    totalCredit: '1000000000',
    total: '0',
    asOf: '2026-11-29T00:00:00.000Z',
  });

  it('starts with a UTF-8 BOM and Vietnamese headers, so Excel shows the diacritics', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')[0]).toBe(
      'Mã loại tài khoản;Tài khoản;Đối tượng;Dư Nợ (đồng);Dư Có (đồng)',
    );
  });

  it('reads back field by field, quoting what needs it, with debit and credit in their own columns and a total', () => {
    const rows: string[][] = parse(csv, { bom: true, delimiter: ';' });
    expect(rows).toHaveLength(5);
    expect(rows[2]).toEqual(['fund_capital', 'Vốn quỹ', 'quỹ; "A"', '0', '1000000000']);
    expect(rows[4]).toEqual(['', 'Tổng cộng', '', '1000000000', '1000000000']);
  });
});
