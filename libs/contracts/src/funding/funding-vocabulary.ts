/**
 * The words of the money side of the platform, shared by the funding service, the gateway and every consumer of
 * `funding.events`. Each list is data (a readonly tuple) so validators, OpenAPI and database checks read the same
 * values. Which amounts, rates and caps apply to them is reference data with effective dates (the rules), never
 * constants here.
 */

/** Support programmes the province runs money through. */
export const PROGRAMMES = ['khuyen_cong', 'startup_fund', 'sme_support', 'venture_coinvestment'] as const;
export type Programme = (typeof PROGRAMMES)[number];

/**
 * Support categories (nội dung hỗ trợ). The khuyến công ones follow Decree 45/2012 as amended by Decree 235/2025
 * and the ceilings of Circular 28/2018; the others are the startup fund's, the SME support fund's (Decree 80/2021)
 * and state co-investment beside private funds (Decree 38/2018).
 */
export const SUPPORT_CATEGORIES = [
  'kc_training',
  'kc_demonstration_model',
  'kc_machinery',
  'kc_machinery_line',
  'kc_product_contest_regional',
  'kc_product_contest_national',
  'kc_trade_fair',
  'kc_branding',
  'kc_cleaner_production',
  'kc_cluster_infrastructure',
  'kc_consulting',
  'kc_digital_transformation',
  'kc_new_rural_enterprise',
  'startup_seed_grant',
  'startup_incubation',
  'sme_consulting',
  'sme_training',
  'sme_digital_transformation',
  'sme_market_access',
  'state_coinvestment',
] as const;
export type SupportCategory = (typeof SUPPORT_CATEGORIES)[number];

/** Kinds of fund a call draws on. */
export const FUND_KINDS = [
  'startup_fund',
  'sme_support_fund',
  'khuyen_cong_national',
  'khuyen_cong_local',
  'association_fund',
  'provincial_venture_fund',
] as const;
export type FundKind = (typeof FUND_KINDS)[number];

/** Where a fund's capital comes from. */
export const CAPITAL_SOURCES = ['central_budget', 'provincial_budget', 'private', 'association'] as const;
export type CapitalSource = (typeof CAPITAL_SOURCES)[number];

/** How a call orders applications when its budget cannot cover every eligible one. */
export const ALLOCATION_RULES = ['first_come', 'score'] as const;
export type AllocationRule = (typeof ALLOCATION_RULES)[number];

/** Life of a funding call (đợt). */
export const CALL_STATUSES = ['draft', 'open', 'closed', 'finalised'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

/** Who may apply: the kinds of undertaking of the projects service, plus cooperatives and artisans. */
export const APPLICANT_KINDS = [
  'innovative_startup',
  'business_startup',
  'household_business',
  'rural_industry',
  'sme',
  'cooperative',
  'craft_village',
  'artisan',
  'cluster_investor',
] as const;
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];

/**
 * Groups that go first when applications tie (Decree 80/2021; Decree 235/2025 for khuyến công): women-led,
 * ethnic-minority-led and social enterprises.
 */
export const PRIORITY_GROUPS = ['women_led', 'ethnic_minority_led', 'social_enterprise'] as const;
export type PriorityGroup = (typeof PRIORITY_GROUPS)[number];

/** Kinds of application: a founder's đề án, or a state co-investment beside private funds. */
export const APPLICATION_KINDS = ['grant', 'coinvestment'] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];

/**
 * Who invests beside a state co-investment (Decree 38/2018): a private venture fund (at least one is required), an
 * angel investor, or an enterprise.
 */
export const PRIVATE_INVESTOR_KINDS = ['private_venture_fund', 'angel_investor', 'enterprise'] as const;
export type PrivateInvestorKind = (typeof PRIVATE_INVESTOR_KINDS)[number];

/** Life of an application (đề án). */
export const APPLICATION_STATUSES = ['draft', 'submitted', 'withdrawn', 'approved', 'rejected'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Steps of disbursement per the khuyến công lifecycle (Circular 36/2013). */
export const TRANCHE_KINDS = ['advance', 'acceptance', 'settlement'] as const;
export type TrancheKind = (typeof TRANCHE_KINDS)[number];

/** Maker–checker life of a tranche. */
export const TRANCHE_STATUSES = ['requested', 'approved', 'rejected', 'paid'] as const;
export type TrancheStatus = (typeof TRANCHE_STATUSES)[number];

/** Where a grant is in its disbursement: paying tranches, accepted (nghiệm thu), settled (quyết toán). */
export const GRANT_DISBURSEMENT_STAGES = ['disbursing', 'accepted', 'settled'] as const;
export type GrantDisbursementStage = (typeof GRANT_DISBURSEMENT_STAGES)[number];

/**
 * Kinds of ledger account (ADR 0016), each identified by kind and reference (a fund, call or grant id). Every kind
 * but `fund_capital` holds a debit balance that can never go below zero.
 */
export const LEDGER_ACCOUNT_KINDS = [
  'fund_capital',
  'call_available',
  'grant_undisbursed',
  'grant_disbursed',
  'grant_returned',
] as const;
export type LedgerAccountKind = (typeof LEDGER_ACCOUNT_KINDS)[number];

/** The business events the ledger records, and `reversal`, the only correction (ADR 0016). */
export const LEDGER_TRANSACTION_KINDS = [
  'call_budget_set',
  'call_budget_raised',
  'call_budget_lowered',
  'grant_approved',
  'tranche_paid',
  'settlement_returned',
  'commitment_released',
  'reversal',
] as const;
export type LedgerTransactionKind = (typeof LEDGER_TRANSACTION_KINDS)[number];
