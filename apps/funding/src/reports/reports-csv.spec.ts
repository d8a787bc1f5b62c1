import { callReportCsv, categoryReportCsv, grantReportCsv } from './reports-csv.js';

const BOM = '\uFEFF';

describe('report CSV files', () => {
  it('start with a BOM, use ";" and CRLF, Vietnamese headers, whole đồng; quote what needs it', () => {
    const csv = callReportCsv({
      asOf: '2026-11-29T08:00:00.000Z',
      rows: [
        {
          callId: '0193a000-0000-7000-8000-000000000001',
          fundId: '0193a000-0000-7000-8000-000000000002',
          title: 'Đợt 1; máy móc',
          fiscalYear: 2026,
          budget: '1000000000',
          committed: '200000000',
          disbursed: '180000000',
          returned: '30000000',
          available: '800000000',
        },
      ],
    });
    expect(csv.startsWith(BOM)).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'Mã đợt;Tên đợt;Năm ngân sách;Ngân sách (đồng);Đã cam kết (đồng);Đã chi (đồng);Đã thu hồi (đồng);Còn lại (đồng)',
    );
    expect(lines[1]).toBe(
      '0193a000-0000-7000-8000-000000000001;"Đợt 1; máy móc";2026;1000000000;200000000;180000000;30000000;800000000',
    );
  });

  it('name the stage of a grant in Vietnamese and keep a negative variance signed', () => {
    const grants = grantReportCsv({
      asOf: '2026-11-29T08:00:00.000Z',
      rows: [
        {
          grantId: 'g',
          callId: 'c',
          projectId: 'p',
          beneficiaryId: 'b',
          stage: 'settled',
          approved: '200000000',
          disbursed: '180000000',
          returned: '30000000',
          remaining: '0',
        },
      ],
    });
    expect(grants.split('\r\n')[1]).toBe('g;c;p;b;Đã quyết toán;200000000;180000000;30000000;0');
    const categories = categoryReportCsv({
      asOf: '2026-11-29T08:00:00.000Z',
      rows: [{ category: 'kc_training', grants: 1, budget: '10', actual: '12', variance: '-2' }],
    });
    expect(categories.split('\r\n')[1]).toBe('kc_training;1;10;12;-2');
  });
});
