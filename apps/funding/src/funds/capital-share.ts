import { CAPITAL_SOURCES, type CapitalSource, type FundKind } from '@khoinghiep/contracts';

/** A fund's capital by source, in whole đồng. */
export type CapitalBySource = Readonly<Record<CapitalSource, bigint>>;

/** A cap on the provincial budget's share of a fund's capital, and the rule version that sets it. */
export interface CapitalShareCap {
  /** Basis points: 4900 = 49 %. */
  basisPoints: number;
  ruleVersionId: string;
}

/**
 * Where the capital-share cap in force comes from: dated reference data (the rule book), never a constant here.
 * `null` when no cap applies to a fund of that kind and province on that day.
 */
export abstract class CapitalShareRules {
  abstract capFor(
    fund: { kind: FundKind; provinceCode: string | null },
    on: Date,
  ): Promise<CapitalShareCap | null>;
}

export function capitalOf(shares: readonly { source: CapitalSource; amount: string }[]): CapitalBySource {
  const capital = Object.fromEntries(CAPITAL_SOURCES.map((source) => [source, 0n])) as Record<
    CapitalSource,
    bigint
  >;
  for (const share of shares) capital[share.source] = BigInt(share.amount);
  return capital;
}

export function totalCapital(capital: CapitalBySource): bigint {
  return CAPITAL_SOURCES.reduce((sum, source) => sum + capital[source], 0n);
}

/** A share in basis points as a percentage with two decimals, rounded up so a breach never reads as the cap. */
function percent(numerator: bigint, denominator: bigint): string {
  if (denominator === 0n) return '0.00';
  const hundredths = (numerator * 10_000n + denominator - 1n) / denominator;
  return `${hundredths / 100n}.${(hundredths % 100n).toString().padStart(2, '0')}`;
}

export type CapitalShareOutcome =
  | { ok: true }
  | { ok: false; sharePercent: string; capPercent: string; ruleVersionId: string };

/**
 * Whether the provincial budget stays within `cap` of the fund's total capital (Decree 264/2025: at most 49 % for a
 * provincial venture fund). Exact integer arithmetic: `provincial × 10 000 ≤ cap × total`, the same inequality the
 * database checks.
 */
export function checkCapitalShare(
  capital: CapitalBySource,
  cap: CapitalShareCap | null,
): CapitalShareOutcome {
  if (!cap) return { ok: true };
  const provincial = capital.provincial_budget;
  const total = totalCapital(capital);
  if (provincial * 10_000n <= BigInt(cap.basisPoints) * total) return { ok: true };
  return {
    ok: false,
    sharePercent: percent(provincial, total),
    capPercent: percent(BigInt(cap.basisPoints), 10_000n),
    ruleVersionId: cap.ruleVersionId,
  };
}
