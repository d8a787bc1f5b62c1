/**
 * The words of investor matching, shared by the matching service, the gateway and every consumer of
 * `matching.events`. Each list is data (a readonly tuple) so validators, OpenAPI and database checks read the same
 * values. How much each criterion weighs is reference data with effective dates (match weights), never constants here.
 */

/** Kinds of investor (DOMAIN.md "Investor"). */
export const INVESTOR_KINDS = [
  'angel',
  'venture_fund',
  'enterprise',
  'association_fund',
  'state_fund',
] as const;
export type InvestorKind = (typeof INVESTOR_KINDS)[number];

/** Contact details an investor keeps on their profile; an introduction shares the ones they chose. */
export const INVESTOR_CONTACT_FIELDS = ['email', 'phone', 'website', 'address'] as const;
export type InvestorContactField = (typeof INVESTOR_CONTACT_FIELDS)[number];

/**
 * What a match is scored on, one weight each. Hard filters (ticket overlap, excluded sectors, restricted provinces)
 * exclude a project before any of these is scored.
 */
export const MATCH_CRITERIA = [
  'sector',
  'stage',
  'province_region',
  'target_groups',
  'ocop_certification',
  'thesis_text',
  'training',
] as const;
export type MatchCriterion = (typeof MATCH_CRITERIA)[number];

/** Life of an investor's interest in a project: open until the founder answers it (or the investor withdraws). */
export const INTEREST_STATUSES = ['open', 'accepted', 'declined', 'withdrawn'] as const;
export type InterestStatus = (typeof INTEREST_STATUSES)[number];

/** Where an investor stands with a project after an introduction. */
export const PIPELINE_STATUSES = ['considering', 'committed', 'invested', 'passed'] as const;
export type PipelineStatus = (typeof PIPELINE_STATUSES)[number];

/** How an investor marks a match. */
export const MATCH_MARKS = ['saved', 'hidden'] as const;
export type MatchMark = (typeof MATCH_MARKS)[number];

/** Lengths of the free text of matching. */
export const MATCHING_TEXT_LIMITS = {
  displayName: { min: 2, max: 200 },
  organisation: { min: 1, max: 300 },
  thesis: { min: 0, max: 4000 },
  message: { min: 10, max: 2000 },
  reason: { min: 1, max: 1000 },
  searchName: { min: 1, max: 120 },
  contactValue: { min: 3, max: 300 },
} as const;

/** A telephone number as people write it in Vietnam: digits, spaces, dots or dashes, an optional leading `+`. */
export const PHONE_PATTERN = /^\+?[0-9][0-9 .-]{6,18}[0-9]$/;
