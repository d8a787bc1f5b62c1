import type { CallReportView, CategoryReportView, GrantReportView } from '@khoinghiep/contracts';
import { stringify } from 'csv-stringify/sync';

/** Vietnamese names of a grant's disbursement stages. */
const STAGE_NAMES: Readonly<Record<string, string>> = {
  disbursing: 'Đang giải ngân',
  accepted: 'Đã nghiệm thu',
  settled: 'Đã quyết toán',
};

/**
 * A file Excel opens correctly on a Vietnamese Windows, as the ledger's trial balance (ADR 0016): UTF-8 with a BOM,
 * `;` between fields, CRLF lines, Vietnamese headers, amounts as plain whole đồng.
 */
export function accountantCsv(columns: string[], rows: (string | number)[][]): string {
  return stringify(rows, {
    bom: true,
    delimiter: ';',
    record_delimiter: 'windows',
    header: true,
    columns,
  });
}

export function callReportCsv(view: CallReportView): string {
  return accountantCsv(
    [
      'Mã đợt',
      'Tên đợt',
      'Năm ngân sách',
      'Ngân sách (đồng)',
      'Đã cam kết (đồng)',
      'Đã chi (đồng)',
      'Đã thu hồi (đồng)',
      'Còn lại (đồng)',
    ],
    view.rows.map((row) => [
      row.callId,
      row.title,
      row.fiscalYear,
      row.budget,
      row.committed,
      row.disbursed,
      row.returned,
      row.available,
    ]),
  );
}

export function grantReportCsv(view: GrantReportView): string {
  return accountantCsv(
    [
      'Mã khoản tài trợ',
      'Mã đợt',
      'Mã dự án',
      'Người được tài trợ',
      'Giai đoạn',
      'Được duyệt (đồng)',
      'Đã chi (đồng)',
      'Đã thu hồi (đồng)',
      'Còn lại (đồng)',
    ],
    view.rows.map((row) => [
      row.grantId,
      row.callId,
      row.projectId,
      row.beneficiaryId,
      STAGE_NAMES[row.stage] ?? row.stage,
      row.approved,
      row.disbursed,
      row.returned,
      row.remaining,
    ]),
  );
}

export function categoryReportCsv(view: CategoryReportView): string {
  return accountantCsv(
    ['Lĩnh vực hỗ trợ', 'Số khoản tài trợ', 'Dự toán (đồng)', 'Thực hiện (đồng)', 'Chênh lệch (đồng)'],
    view.rows.map((row) => [row.category, row.grants, row.budget, row.actual, row.variance]),
  );
}
