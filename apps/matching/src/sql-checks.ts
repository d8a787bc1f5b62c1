/** The CHECK expressions matching's entities declare and its migrations create, written once. */

const literals = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

/** The column holds one of the values (or NULL). */
export const oneOf = (column: string, values: readonly string[]) => `"${column}" IN (${literals(values)})`;

/** Every element of the array column is one of the values. */
export const allOf = (column: string, values: readonly string[]) =>
  `"${column}" <@ ARRAY[${literals(values)}]::varchar[]`;

export const INVESTOR_PROFILE_CHECKS = {
  ticket: '"ticket_min" >= 0 AND "ticket_max" >= "ticket_min"',
  version: '"version" >= 1',
  /** No sector both wanted and excluded. */
  sectorsNotExcluded: 'NOT ("sectors" && "excluded_sectors")',
  /** Restricting to provinces needs at least one. */
  provincesOnlyNamed: 'NOT "provinces_only" OR cardinality("province_codes") > 0',
  /** An introduction never promises a contact field the investor left empty (empty values are not stored). */
  sharedContactFilled: '"contact" ?& "shared_contact_fields"::text[]',
} as const;

export const CATALOGUED_PROJECT_CHECKS = {
  version: '"last_version" >= 1',
  publishedFacts:
    '"published" = false OR ("title" IS NOT NULL AND "sector" IS NOT NULL AND "stage" IS NOT NULL AND "province_code" IS NOT NULL AND "funding_ask" IS NOT NULL)',
} as const;

export const SAVED_SEARCH_CHECKS = {
  ask: '("ask_min" IS NULL OR "ask_min" >= 0) AND ("ask_max" IS NULL OR "ask_max" >= coalesce("ask_min", 0))',
  minScore: '"min_score" BETWEEN 0 AND 100',
} as const;
/**
 * A stored list's bookkeeping (its floor: the last of its best matches) agrees with its size: an empty list has no
 * floor, and no list holds more than MATCH_LIST_SIZE (50) matches.
 */
export const matchListChecks = (entries: string, floorScore: string, floorOther: string, size: number) => ({
  entries: `"${entries}" >= 0 AND "${entries}" <= ${size}`,
  floor: `("${entries}" = 0) = ("${floorScore}" IS NULL) AND ("${floorScore}" IS NULL) = ("${floorOther}" IS NULL)`,
});
