import type { SupportCategory } from '@khoinghiep/contracts';

/** What one category of an application asks for, and the ceiling in force for it on the decision date (if any). */
export interface CategoryCeiling {
  category: SupportCategory;
  cost: bigint;
  requested: bigint;
  /** The ceiling in force: absolute đồng and/or a share of the cost; null when none is in force. */
  ceiling: { amountCap: bigint | null; shareOfCostBp: number | null; versionId: string } | null;
}

/** The most the ceilings allow per category: the lower of the absolute cap and the share of the cost. */
export function ceilingLimit(category: CategoryCeiling): bigint | null {
  const { ceiling } = category;
  if (!ceiling) return null;
  const caps = [
    ceiling.amountCap,
    ceiling.shareOfCostBp === null ? null : (category.cost * BigInt(ceiling.shareOfCostBp)) / 10_000n,
  ].filter((cap): cap is bigint => cap !== null);
  let lowest: bigint | null = null;
  for (const cap of caps) if (lowest === null || cap < lowest) lowest = cap;
  return lowest;
}

/**
 * The most an approval may give under the ceilings in force: per category the lower of what it asks and its
 * ceiling, summed; with the ids of the rule versions that applied (in category order, no repeats).
 */
export function allowedByCeilings(categories: readonly CategoryCeiling[]): {
  allowed: bigint;
  ruleVersionIds: string[];
} {
  let allowed = 0n;
  const ruleVersionIds: string[] = [];
  for (const category of categories) {
    const limit = ceilingLimit(category);
    allowed += limit === null || category.requested <= limit ? category.requested : limit;
    const versionId = category.ceiling?.versionId;
    if (versionId && !ruleVersionIds.includes(versionId)) ruleVersionIds.push(versionId);
  }
  return { allowed, ruleVersionIds };
}

export interface ApprovalTerms {
  /** The application's requested total. */
  requested: bigint;
  /** The amount asked for by the approver; null: as requested. */
  asked: bigint | null;
  /** What the ceilings allow (see `allowedByCeilings`). */
  allowedByCeilings: bigint;
  /** The approver's limit per decision; null when none was ever set (nothing may be approved). */
  approverLimit: bigint | null;
  /** What is left of the call: budget − committed. */
  remaining: bigint;
}

/** Why an approval is refused, in the order checked: the amount itself first, then who and what is left. */
export type ApprovalRefusal =
  | { kind: 'over_requested' }
  | { kind: 'over_ceiling' }
  | { kind: 'over_limit' }
  | { kind: 'over_budget' };

export type ApprovalCheck = { ok: true; amount: bigint } | ({ ok: false; amount: bigint } & ApprovalRefusal);

/** The amount an approval gives, or why it is refused. Pure: the service supplies the facts read under locks. */
export function checkApproval(terms: ApprovalTerms): ApprovalCheck {
  const amount = terms.asked ?? terms.requested;
  if (amount > terms.requested) return { ok: false, amount, kind: 'over_requested' };
  if (amount > terms.allowedByCeilings) return { ok: false, amount, kind: 'over_ceiling' };
  if (terms.approverLimit === null || amount > terms.approverLimit)
    return { ok: false, amount, kind: 'over_limit' };
  if (amount > terms.remaining) return { ok: false, amount, kind: 'over_budget' };
  return { ok: true, amount };
}
