import type { FundKind, Programme, SupportCategory } from './funding-vocabulary.js';

/**
 * Kinds of programme rule (quy định của chương trình), each with its subject and value:
 * - `support_ceiling`: per support category, an absolute ceiling in đồng and/or a share of the cost (Circular
 *   28/2018/TT-BTC; provinces may set their own);
 * - `advance_rate`: per support category, the share of the approved amount paid in advance (Circular 36/2013/TT-BCT);
 * - `coinvestment_cap`: state co-investment as a share of the private funds' amount (Decree 38/2018/NĐ-CP);
 * - `capital_share_cap`: per fund kind and capital source, the largest share of the fund's capital that source may
 *   hold (Decree 264/2025/NĐ-CP);
 * - `priority_groups`: per programme, who goes first when applications tie (Decree 80/2021, Decree 235/2025).
 */
export const RULE_KINDS = [
  'support_ceiling',
  'advance_rate',
  'coinvestment_cap',
  'capital_share_cap',
  'priority_groups',
] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** Rates and shares are integer basis points: 10 000 = 100 %. */
export const BASIS_POINTS_FULL = 10_000;

/**
 * Calendar date `YYYY-MM-DD` between 1900 and 2999 (dates of legal effect have no time of day). The pattern lets
 * `2026-02-30` through: the service checks that the day exists.
 */
export const DATE_PATTERN = /^(19|2\d)\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export const RULE_TEXT_LIMITS = {
  legalSourceNumber: 100,
  legalSourceName: 300,
  reason: 1000,
} as const;

const CATEGORY_PREFIXES: readonly (readonly [string, Programme])[] = [
  ['kc_', 'khuyen_cong'],
  ['startup_', 'startup_fund'],
  ['sme_', 'sme_support'],
  ['state_coinvestment', 'venture_coinvestment'],
];

/** The programme a support category belongs to. */
export function programmeOfCategory(category: SupportCategory): Programme {
  const found = CATEGORY_PREFIXES.find(([prefix]) => category.startsWith(prefix));
  if (!found) throw new Error(`support category ${category} belongs to no programme`);
  return found[1];
}

const FUND_KIND_PROGRAMMES: Readonly<Record<FundKind, Programme>> = {
  startup_fund: 'startup_fund',
  sme_support_fund: 'sme_support',
  khuyen_cong_national: 'khuyen_cong',
  khuyen_cong_local: 'khuyen_cong',
  association_fund: 'startup_fund',
  provincial_venture_fund: 'venture_coinvestment',
};

/** The programme money of a fund kind runs through. */
export function programmeOfFundKind(fundKind: FundKind): Programme {
  return FUND_KIND_PROGRAMMES[fundKind];
}
