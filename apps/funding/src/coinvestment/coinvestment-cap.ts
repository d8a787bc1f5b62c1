/**
 * Decree 38/2018/NĐ-CP: the state may co-invest at most a share (basis points, the `coinvestment_cap` rule) of
 * what the private funds beside it committed, and only beside at least one private fund. Pure arithmetic in đồng.
 */
export interface CoinvestmentCapTerms {
  /** What each private investor committed, in đồng (each > 0). */
  privateAmounts: readonly bigint[];
  /** The cap in force, in basis points of the private total. */
  capBp: number;
  /** The amount the state would co-invest. */
  amount: bigint;
}

export type CoinvestmentCapCheck =
  | { ok: true; privateTotal: bigint; cap: bigint }
  | { ok: false; kind: 'no_private_fund' }
  | { ok: false; kind: 'over_cap'; privateTotal: bigint; cap: bigint };

/** The most the state may co-invest: ⌊ private total × cap bp / 10 000 ⌋ (rounded down: never over the share). */
export function coinvestmentCap(privateAmounts: readonly bigint[], capBp: number): bigint {
  if (!Number.isInteger(capBp) || capBp < 0) throw new RangeError(`invalid basis points: ${capBp}`);
  const privateTotal = privateAmounts.reduce((sum, amount) => sum + amount, 0n);
  return (privateTotal * BigInt(capBp)) / 10_000n;
}

/** Whether `amount` may be co-invested beside these private amounts under the cap in force. */
export function checkCoinvestmentCap(terms: CoinvestmentCapTerms): CoinvestmentCapCheck {
  if (terms.privateAmounts.length === 0) return { ok: false, kind: 'no_private_fund' };
  const privateTotal = terms.privateAmounts.reduce((sum, amount) => sum + amount, 0n);
  const cap = coinvestmentCap(terms.privateAmounts, terms.capBp);
  return terms.amount <= cap
    ? { ok: true, privateTotal, cap }
    : { ok: false, kind: 'over_cap', privateTotal, cap };
}
