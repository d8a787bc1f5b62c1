import { BASIS_POINTS_FULL } from '@khoinghiep/contracts';

/** What resolution reads of a rule version. Dates are `YYYY-MM-DD`, which order as text. */
export interface DatedVersion {
  id: string;
  provinceCode: string | null;
  effectiveFrom: string;
  effectiveUntil: string | null;
  recordedAt: Date;
}

/** Legal dates are Vietnamese calendar days: an instant is read in Asia/Ho_Chi_Minh (UTC+7, no daylight saving). */
const VIETNAM_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** A day as `YYYY-MM-DD`: a string is taken as it is, an instant is read as a day in Vietnam. */
export function dayOf(on: Date | string): string {
  return typeof on === 'string' ? on : VIETNAM_DAY.format(on);
}

/** In force on `day`: started on or before it, and not ended before it (the end day is the last day in force). */
export function isInForce(version: DatedVersion, day: string): boolean {
  return version.effectiveFrom <= day && (version.effectiveUntil === null || day <= version.effectiveUntil);
}

/** Newest first: the later start, then the later recording (a correction of the same start), then the id. */
export function newestFirst(a: DatedVersion, b: DatedVersion): number {
  if (a.effectiveFrom !== b.effectiveFrom) return a.effectiveFrom < b.effectiveFrom ? 1 : -1;
  const recorded = b.recordedAt.getTime() - a.recordedAt.getTime();
  if (recorded !== 0) return recorded;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * The version of one rule that applies in a province (or nationally, `null`) on a day: among the versions in force
 * that day, the province's own wins over the national one; within a scope, the newest wins. `null` when none is
 * in force. `versions` are all versions of ONE rule, in any order and any scope.
 */
export function resolveVersion<V extends DatedVersion>(
  versions: readonly V[],
  provinceCode: string | null,
  on: Date | string,
): V | null {
  const day = dayOf(on);
  const inForce = versions.filter((version) => isInForce(version, day));
  const own = provinceCode === null ? [] : inForce.filter((version) => version.provinceCode === provinceCode);
  const national = inForce.filter((version) => version.provinceCode === null);
  const [winner] = (own.length > 0 ? own : national).sort(newestFirst);
  return winner ?? null;
}

/** `amount × basisPoints / 10 000`, rounded down to the đồng (a cap is never exceeded by rounding). */
export function shareOf(amount: bigint, basisPoints: number): bigint {
  return (amount * BigInt(basisPoints)) / BigInt(BASIS_POINTS_FULL);
}

/** The most a ceiling allows for a cost: the lower of its absolute amount and its share of the cost. */
export function ceilingFor(
  cost: bigint,
  ceiling: { amountCap: bigint | null; shareOfCostBp: number | null },
): bigint {
  let most = cost;
  if (ceiling.amountCap !== null && ceiling.amountCap < most) most = ceiling.amountCap;
  if (ceiling.shareOfCostBp !== null) {
    const share = shareOf(cost, ceiling.shareOfCostBp);
    if (share < most) most = share;
  }
  return most;
}
