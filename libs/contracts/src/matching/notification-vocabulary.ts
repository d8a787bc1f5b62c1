/**
 * The words of saved searches and in-app notifications (matching service). What a notification is about is fixed
 * here, so the view, the database check and the portal read the same values.
 */

/** What a notification tells its recipient. */
export const NOTIFICATION_KINDS = [
  /** A newly published project passed one of the investor's saved searches (to the investor). */
  'saved_search_match',
  /** An investor expressed interest in a project (to its founder). */
  'interest_expressed',
  /** The founder accepted the investor's interest (to the investor). */
  'interest_accepted',
  /** The founder declined the investor's interest (to the investor). */
  'interest_declined',
  /** Founder and investor were introduced (to both). */
  'introduction_made',
  /** A fund decided on the founder's application (to the founder). */
  'funding_decision',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Bounds of saved searches. */
export const SAVED_SEARCH_LIMITS = {
  /** Saved searches one investor may keep (the database refuses more). */
  perInvestor: 20,
  /** A project must score at least this for a notification unless the search says otherwise. */
  defaultMinScore: 50,
  minScore: { min: 0, max: 100 },
  /** Words of `q`, as typed. */
  query: { max: 200 },
} as const;
