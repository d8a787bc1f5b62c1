import type { SupportCategory } from '@khoinghiep/contracts';
import type { DomainFieldError } from '@khoinghiep/http';

/** A budget line in whole đồng. */
export interface LineAmounts {
  category: SupportCategory;
  cost: bigint;
  requested: bigint;
  ownContribution: bigint;
}

export interface CoFinancingAmounts {
  central: bigint;
  provincial: bigint;
  own: bigint;
}

export interface Totals {
  cost: bigint;
  requested: bigint;
  ownContribution: bigint;
}

const field = (index: number, name: string) => `budgetLines[${index}].${name}`;
const money = (amount: bigint) => amount.toString();

/** Sums of the lines. */
export function totalsOf(lines: readonly LineAmounts[]): Totals {
  return lines.reduce<Totals>(
    (sum, line) => ({
      cost: sum.cost + line.cost,
      requested: sum.requested + line.requested,
      ownContribution: sum.ownContribution + line.ownContribution,
    }),
    { cost: 0n, requested: 0n, ownContribution: 0n },
  );
}

/** What is wrong with each line on its own: a cost of zero, or requested + own contribution above the cost. */
export function lineProblems(lines: readonly LineAmounts[]): DomainFieldError[] {
  return lines.flatMap((line, index) => {
    const problems: DomainFieldError[] = [];
    if (line.cost <= 0n)
      problems.push({
        field: field(index, 'cost'),
        message: { vi: 'Chi phí phải lớn hơn 0 đồng.', en: 'The cost must be more than 0 đồng.' },
      });
    if (line.requested + line.ownContribution > line.cost)
      problems.push({
        field: field(index, 'requested'),
        message: {
          vi: 'Đề nghị hỗ trợ ({requested}) cộng vốn đối ứng ({own}) vượt chi phí ({cost}).',
          en: 'Requested ({requested}) plus own contribution ({own}) exceeds the cost ({cost}).',
        },
        params: {
          requested: money(line.requested),
          own: money(line.ownContribution),
          cost: money(line.cost),
        },
      });
    return problems;
  });
}

/** Lines whose category the call does not fund. */
export function categoryProblems(
  lines: readonly LineAmounts[],
  allowed: readonly SupportCategory[],
): DomainFieldError[] {
  return lines.flatMap((line, index) =>
    allowed.includes(line.category)
      ? []
      : [
          {
            field: field(index, 'category'),
            message: {
              vi: 'Đợt này không hỗ trợ nội dung {category} (chỉ: {allowed}).',
              en: 'This call does not fund {category} (only: {allowed}).',
            },
            params: { category: line.category, allowed: allowed.join(', ') },
          },
        ],
  );
}

/**
 * What stops a draft from being submitted: no line, or a co-financing split that does not match the lines (central +
 * provincial must equal Σ requested, own must equal Σ own contributions).
 */
export function submissionProblems(
  lines: readonly LineAmounts[],
  coFinancing: CoFinancingAmounts,
): DomainFieldError[] {
  if (lines.length === 0)
    return [
      {
        field: 'budgetLines',
        message: { vi: 'Cần ít nhất một khoản dự toán.', en: 'At least one budget line is needed.' },
      },
    ];
  const totals = totalsOf(lines);
  const problems: DomainFieldError[] = [...lineProblems(lines)];
  if (coFinancing.central + coFinancing.provincial !== totals.requested)
    problems.push({
      field: 'coFinancing',
      message: {
        vi: 'Ngân sách trung ương ({central}) cộng địa phương ({provincial}) phải bằng tổng đề nghị hỗ trợ ({requested}).',
        en: 'Central ({central}) plus provincial budget ({provincial}) must equal the total requested ({requested}).',
      },
      params: {
        central: money(coFinancing.central),
        provincial: money(coFinancing.provincial),
        requested: money(totals.requested),
      },
    });
  if (coFinancing.own !== totals.ownContribution)
    problems.push({
      field: 'coFinancing.own',
      message: {
        vi: 'Vốn đối ứng ({own}) phải bằng tổng vốn đối ứng của các khoản ({lines}).',
        en: 'Own money ({own}) must equal the sum of the lines’ own contributions ({lines}).',
      },
      params: { own: money(coFinancing.own), lines: money(totals.ownContribution) },
    });
  return problems;
}
