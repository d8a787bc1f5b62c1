import { defineRoutes, type PathParam } from '../http/define-route.js';
import { Role } from '../role.js';
import { LedgerTransactionView, ReverseLedgerTransactionDto, TrialBalanceView } from './ledger.view.js';

const ID = {
  id: { format: 'uuid', doc: { vi: 'Mã giao dịch sổ cái', en: 'Ledger transaction id' } },
} as const satisfies Record<string, PathParam>;

/** Routes of the funding ledger (ADR 0016): read by fund staff; a reversal is a money command (ADR 0017). */
export const LedgerRoutes = defineRoutes(
  { service: 'funding', tag: 'ledger' },
  {
    trialBalance: {
      method: 'GET',
      path: '/funding/ledger/trial-balance',
      response: {
        status: 200,
        view: { one: TrialBalanceView },
        doc: { vi: 'Bảng cân đối số phát sinh', en: 'The trial balance' },
      },
      access: [Role.FundOfficer, Role.FundApprover, Role.Admin],
      problems: [],
      summary: {
        vi: 'Bảng cân đối: số dư mọi tài khoản, tổng bằng 0',
        en: 'Trial balance: every account, summing to zero',
      },
    },
    trialBalanceCsv: {
      method: 'GET',
      path: '/funding/ledger/trial-balance/csv',
      response: {
        status: 200,
        view: { file: 'text/csv' },
        headers: ['Content-Disposition'],
        doc: {
          vi: 'Tệp CSV: UTF-8 có BOM, phân cách bằng ";", tiêu đề tiếng Việt, số tiền là số nguyên đồng',
          en: 'CSV file: UTF-8 with BOM, ";"-separated, Vietnamese headers, amounts in whole đồng',
        },
      },
      access: [Role.FundOfficer, Role.FundApprover, Role.Admin],
      problems: [],
      summary: {
        vi: 'Bảng cân đối dạng CSV cho kế toán (mở bằng Excel)',
        en: 'Trial balance as CSV for accountants (opens in Excel)',
      },
    },
    reverseLedgerTransaction: {
      method: 'POST',
      path: '/funding/ledger/transactions/:id/reversal',
      params: ID,
      body: ReverseLedgerTransactionDto,
      idempotent: true,
      response: {
        status: 201,
        view: { one: LedgerTransactionView },
        doc: { vi: 'Giao dịch đảo vừa ghi', en: 'The reversing transaction' },
      },
      access: [Role.FundApprover, Role.Admin],
      problems: [
        {
          status: 404,
          codes: ['LEDGER_TRANSACTION_NOT_FOUND'],
          vi: 'Không có giao dịch này',
          en: 'No such transaction',
        },
        {
          status: 409,
          codes: ['LEDGER_ALREADY_REVERSED', 'LEDGER_REVERSAL_NOT_REVERSIBLE', 'LEDGER_BALANCE_INSUFFICIENT'],
          vi: 'Đã đảo rồi, là một giao dịch đảo, hoặc đảo sẽ làm số dư âm',
          en: 'Already reversed, itself a reversal, or reversing would take a balance below zero',
        },
      ],
      summary: {
        vi: 'Điều chỉnh bằng bút toán đảo (không sửa, không xoá)',
        en: 'Correct by a reversing transaction (never an edit or delete)',
      },
      description: {
        vi: 'Cần Idempotency-Key. Ghi một giao dịch với các bút toán ngược dấu; số dư không được âm.',
        en: 'Needs an Idempotency-Key. Posts the opposite entries; no balance may go below zero.',
      },
    },
  },
);
