import type { SupportCategory } from '@khoinghiep/contracts';
import type { DomainFieldError } from '@khoinghiep/http';
import type { RuleOutcome } from './eligibility-rules.js';

/** A support ceiling in force for a category, with the rule version it comes from (from the RuleBook). */
export interface CeilingInForce {
  amountCap: bigint | null;
  /** Share of the cost, in basis points. */
  shareOfCostBp: number | null;
  versionId: string;
  legalSourceNumber: string;
}

/** What one category asks for across the application's lines, and the first line of it (to name in a problem). */
export interface CategoryRequest {
  category: SupportCategory;
  firstLine: number;
  cost: bigint;
  requested: bigint;
}

export interface CeilingCheck {
  outcomes: RuleOutcome[];
  /** Lines over a ceiling, named: the submission is refused so the founder can lower them. */
  problems: DomainFieldError[];
}

/** Sums the lines per category, in the order categories first appear. */
export function requestsByCategory(
  lines: readonly { category: SupportCategory; cost: bigint; requested: bigint }[],
): CategoryRequest[] {
  const byCategory = new Map<SupportCategory, CategoryRequest>();
  lines.forEach((line, index) => {
    const sum = byCategory.get(line.category) ?? {
      category: line.category,
      firstLine: index,
      cost: 0n,
      requested: 0n,
    };
    byCategory.set(line.category, {
      ...sum,
      cost: sum.cost + line.cost,
      requested: sum.requested + line.requested,
    });
  });
  return [...byCategory.values()];
}

/**
 * Holds each category's request to the ceiling in force (absolute đồng and/or share of cost, Circular 28/2018 or the
 * province's own): one outcome per category naming the rule version applied, and a problem for each one over.
 */
export function checkCeilings(
  requests: readonly CategoryRequest[],
  ceilings: ReadonlyMap<SupportCategory, CeilingInForce | null>,
): CeilingCheck {
  const outcomes: RuleOutcome[] = [];
  const problems: DomainFieldError[] = [];
  for (const request of requests) {
    const ceiling = ceilings.get(request.category) ?? null;
    if (!ceiling) {
      outcomes.push({
        rule: 'support_ceiling',
        ruleVersion: 'none',
        passed: true,
        reason: {
          vi: `Không có mức trần hỗ trợ đang hiệu lực cho ${request.category}.`,
          en: `No support ceiling is in force for ${request.category}.`,
        },
      });
      continue;
    }
    const shareCap =
      ceiling.shareOfCostBp === null ? null : (request.cost * BigInt(ceiling.shareOfCostBp)) / 10_000n;
    const caps = [ceiling.amountCap, shareCap].filter((cap): cap is bigint => cap !== null);
    let limit = caps[0];
    if (limit === undefined) continue;
    for (const cap of caps) if (cap < limit) limit = cap;
    const within = request.requested <= limit;
    const described = [
      ceiling.amountCap === null ? null : `${ceiling.amountCap} đồng`,
      ceiling.shareOfCostBp === null
        ? null
        : `${ceiling.shareOfCostBp / 100} % × ${request.cost} = ${shareCap}`,
    ]
      .filter(Boolean)
      .join('; ');
    outcomes.push({
      rule: 'support_ceiling',
      ruleVersion: ceiling.versionId,
      passed: within,
      reason: {
        vi: `${request.category}: đề nghị ${request.requested} đồng, mức trần ${limit} đồng (${described}; ${ceiling.legalSourceNumber}).`,
        en: `${request.category}: ${request.requested} đồng requested, ceiling ${limit} đồng (${described}; ${ceiling.legalSourceNumber}).`,
      },
    });
    if (!within)
      problems.push({
        field: `budgetLines[${request.firstLine}].requested`,
        message: {
          vi: 'Đề nghị hỗ trợ cho {category} ({requested} đồng) vượt mức trần {limit} đồng ({source}).',
          en: 'The support requested for {category} ({requested} đồng) is over the ceiling of {limit} đồng ({source}).',
        },
        params: {
          category: request.category,
          requested: request.requested.toString(),
          limit: limit.toString(),
          source: ceiling.legalSourceNumber,
        },
      });
  }
  return { outcomes, problems };
}
