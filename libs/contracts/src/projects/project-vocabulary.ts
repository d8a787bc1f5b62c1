/**
 * The words of a startup project, shared by the gateway, the projects service and every consumer of its events.
 * Each list is data (a readonly tuple) so validators, OpenAPI and database checks read the same values.
 */

/** Kind of undertaking (loại hình): innovative startup, business start-up, household business, CNNT, SME. */
export const PROJECT_KINDS = [
  'innovative_startup',
  'business_startup',
  'household_business',
  'rural_industry',
  'sme',
] as const;
export type ProjectKind = (typeof PROJECT_KINDS)[number];

/** Sector (lĩnh vực). */
export const PROJECT_SECTORS = [
  'agriculture_food',
  'handicrafts',
  'tourism',
  'education',
  'health',
  'manufacturing',
  'clean_production',
  'digital_it',
  'trade_services',
  'other',
] as const;
export type ProjectSector = (typeof PROJECT_SECTORS)[number];

/** How far the project has come (giai đoạn). */
export const PROJECT_STAGES = ['idea', 'prototype', 'early_revenue', 'growth'] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];

/** Groups singled out by national schemes: women, pupils and students, households escaping poverty, youth. */
export const TARGET_GROUPS = ['women_led', 'student', 'poverty_escape', 'youth'] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

/** Level at which a typical rural industrial product was certified (sản phẩm CNNT tiêu biểu). */
export const CERTIFICATION_LEVELS = ['province', 'region', 'national'] as const;
export type CertificationLevel = (typeof CERTIFICATION_LEVELS)[number];

/** Contact details a founder agrees to show investors before an introduction. */
export const CONTACT_FIELDS = ['email', 'phone'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/**
 * Life of a project. `published` is the state an approval leads to (the project is visible to every signed-in
 * user); the rest are private to the founder and the officers.
 */
export const PROJECT_STATUSES = [
  'draft',
  'submitted',
  'revision_requested',
  'published',
  'rejected',
  'withdrawn',
  'unpublished',
] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** What a programme officer decides on a submitted project. */
export const REVIEW_DECISIONS = ['approve', 'request_revision', 'reject'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** Everything that can happen to a project, as recorded in its history. */
export const PROJECT_ACTIONS = [
  'create',
  'update',
  'submit',
  'withdraw',
  'approve',
  'request_revision',
  'reject',
  'unpublish',
] as const;
export type ProjectAction = (typeof PROJECT_ACTIONS)[number];

/** Bounds of free text, in characters (after Unicode NFC normalisation). */
export const PROJECT_TEXT_LIMITS = {
  title: { min: 5, max: 200 },
  summary: { min: 20, max: 1000 },
  description: { min: 20, max: 20000 },
  commune: { min: 2, max: 120 },
  website: { max: 300 },
  comment: { max: 4000 },
  reason: { min: 5, max: 4000 },
  query: { max: 200 },
} as const;

/** Whole đồng, as a decimal string without sign, fraction or leading zeros; at most 15 digits (< 10^15 ₫). */
export const MONEY_PATTERN = /^(0|[1-9][0-9]{0,14})$/;
