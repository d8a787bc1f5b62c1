import { InvalidFieldsError } from '../errors/common-errors.js';

/**
 * Opaque page cursors: the sort key of the last item of a page (e.g. its publication time and id), so the next
 * page starts strictly after it whatever was inserted meanwhile. Encoded as base64url JSON; clients must not build
 * them.
 */
export type CursorValues = readonly (string | number)[];

export function encodeCursor(kind: string, values: CursorValues): string {
  return Buffer.from(JSON.stringify([kind, ...values]), 'utf8').toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isIsoInstant(value: string): boolean {
  const time = new Date(value);
  return !Number.isNaN(time.getTime()) && time.toISOString() === value;
}

/** Shapes a cursor value may have; anything else means the cursor was not issued by this list. */
export const CursorField = {
  uuid: (value: unknown): value is string => typeof value === 'string' && UUID.test(value),
  // Only what `toISOString()` wrote: an impossible date (`2026-02-30`) does not round-trip and never reaches SQL.
  timestamp: (value: unknown): value is string => typeof value === 'string' && isIsoInstant(value),
} as const;

/** Decodes a cursor issued for `kind`, checking each value; a foreign or tampered cursor is a `400` on `cursor`. */
export function decodeCursor<T extends readonly unknown[]>(
  raw: string,
  kind: string,
  checks: { [K in keyof T]: (value: unknown) => value is T[K] },
): T {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(parsed) || parsed[0] !== kind || parsed.length !== checks.length + 1)
    throw invalidCursor();
  const values = parsed.slice(1);
  if (!checks.every((check, index) => check(values[index]))) throw invalidCursor();
  return values as unknown as T;
}

function invalidCursor(): InvalidFieldsError {
  return new InvalidFieldsError([
    {
      field: 'cursor',
      message: {
        vi: 'Con trỏ trang không hợp lệ; hãy dùng nextCursor của trang trước.',
        en: 'The page cursor is not valid; use the nextCursor of the previous page.',
      },
    },
  ]);
}

/** Splits `limit + 1` fetched rows into a page and the cursor of its last item (null on the last page). */
export function pageOf<R, V>(
  rows: R[],
  limit: number,
  toView: (row: R) => V,
  cursorOf: (row: R) => string,
): { items: V[]; nextCursor: string | null } {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows.at(-1);
  return { items: pageRows.map(toView), nextCursor: hasMore && last ? cursorOf(last) : null };
}
