import type { PipelineStatus } from '@khoinghiep/contracts';
import type { DomainFieldError } from '@khoinghiep/http';

/** Statuses that carry an amount of money: what the investor committed, or what they put in. */
export const STATUSES_WITH_AMOUNT: readonly PipelineStatus[] = ['committed', 'invested'];

/**
 * Where an investor may go from where they stand (`null`: nothing recorded yet). Moving forward is always possible,
 * `passed` can be reconsidered, and `committed`/`invested` may be recorded again with a new amount (the total so
 * far). An investment made is never undone, and repeating a status without news is refused.
 *
 * ```
 * (none) ─▶ considering | committed | invested | passed
 * considering ─▶ committed | invested | passed
 * committed ─▶ committed (new amount) | invested | passed
 * invested ─▶ invested (new amount)
 * passed ─▶ considering
 * ```
 */
export const PIPELINE_TRANSITIONS: Readonly<Record<PipelineStatus | 'none', readonly PipelineStatus[]>> = {
  none: ['considering', 'committed', 'invested', 'passed'],
  considering: ['committed', 'invested', 'passed'],
  committed: ['committed', 'invested', 'passed'],
  invested: ['invested'],
  passed: ['considering'],
};

export interface PipelinePosition {
  status: PipelineStatus | null;
  amount: string | null;
}

export function mayRecord(current: PipelinePosition, next: PipelinePosition): boolean {
  if (!PIPELINE_TRANSITIONS[current.status ?? 'none'].includes(next.status as PipelineStatus)) return false;
  return current.status !== next.status || current.amount !== next.amount;
}

/** An amount (> 0) exactly for the statuses that carry one; the field errors otherwise. */
export function amountProblems(status: PipelineStatus, amount: string | undefined): DomainFieldError[] {
  if (STATUSES_WITH_AMOUNT.includes(status)) {
    return amount !== undefined && BigInt(amount) > 0n
      ? []
      : [
          {
            field: 'amount',
            params: { status },
            message: {
              vi: 'Trạng thái {status} cần số vốn (đồng) lớn hơn 0.',
              en: 'Status {status} needs an amount (đồng) above 0.',
            },
          },
        ];
  }
  return amount === undefined
    ? []
    : [
        {
          field: 'amount',
          params: { status },
          message: {
            vi: 'Trạng thái {status} không có số vốn; hãy bỏ trường này.',
            en: 'Status {status} has no amount; leave it out.',
          },
        },
      ];
}
