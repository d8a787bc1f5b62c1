import type { TrancheKind, TrancheStatus } from '@khoinghiep/contracts';

/** Basis points in one whole. */
export const BASIS_POINTS = 10_000n;

/** The advance: approved × rate, rounded down to the đồng (never more than the rate allows). */
export function advanceAmount(approved: bigint, rateBp: number): bigint {
  if (approved < 0n) throw new RangeError(`approved must not be negative, got ${approved}`);
  if (!Number.isInteger(rateBp) || rateBp < 0 || rateBp > 10_000)
    throw new RangeError(`advance rate must be 0–10000 basis points, got ${rateBp}`);
  return (approved * BigInt(rateBp)) / BASIS_POINTS;
}

/** What settlement moves: the balance paid to the grantee, or what the grantee returns (one of them is 0). */
export function settlementBalance(finalAmount: bigint, disbursed: bigint): { pay: bigint; returned: bigint } {
  if (finalAmount < 0n || disbursed < 0n) throw new RangeError('amounts must not be negative');
  return finalAmount >= disbursed
    ? { pay: finalAmount - disbursed, returned: 0n }
    : { pay: 0n, returned: disbursed - finalAmount };
}

/** The grant's main category: the budget line category asking the most; on a tie, the one listed first. */
export function mainCategory<C extends string>(
  lines: readonly { category: C; requested: bigint | string; position: number }[],
): C | null {
  const sums = new Map<C, { requested: bigint; position: number }>();
  for (const line of lines) {
    const sum = sums.get(line.category) ?? { requested: 0n, position: line.position };
    sum.requested += BigInt(line.requested);
    sum.position = Math.min(sum.position, line.position);
    sums.set(line.category, sum);
  }
  let best: { category: C; requested: bigint; position: number } | null = null;
  for (const [category, sum] of sums)
    if (
      !best ||
      sum.requested > best.requested ||
      (sum.requested === best.requested && sum.position < best.position)
    )
      best = { category, ...sum };
  return best?.category ?? null;
}

export interface ExistingTranche {
  kind: TrancheKind;
  status: TrancheStatus;
}

export type StepRefusal = 'settled' | 'out_of_order' | 'pending';

/**
 * Whether a tranche of `kind` may be asked for now (khuyến công order): the advance first and once; acceptance
 * tranches (nghiệm thu, possibly in parts) before the settlement; the settlement last, once an acceptance was
 * approved and nothing else is still open. Rejected tranches do not count.
 */
export function stepRefusal(kind: TrancheKind, existing: readonly ExistingTranche[]): StepRefusal | null {
  const live = existing.filter((tranche) => tranche.status !== 'rejected');
  if (live.some((tranche) => tranche.kind === 'settlement')) return 'settled';
  switch (kind) {
    case 'advance':
      return live.length === 0 ? null : 'out_of_order';
    case 'acceptance':
      return null;
    case 'settlement': {
      const accepted = live.some(
        (tranche) =>
          tranche.kind === 'acceptance' && (tranche.status === 'approved' || tranche.status === 'paid'),
      );
      if (!accepted) return 'out_of_order';
      return live.some((tranche) => tranche.status === 'requested' || tranche.status === 'approved')
        ? 'pending'
        : null;
    }
  }
}
