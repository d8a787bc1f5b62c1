// Asia/Ho_Chi_Minh has been UTC+7 all year since 1975 (no daylight saving), so its days are fixed offsets of UTC.
const OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The Vietnam calendar day of an instant, `YYYY-MM-DD`. */
export function vietnamDayOf(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** Whole seconds from `instant` until the next Vietnam day starts (at least 1), for `Retry-After`. */
export function secondsUntilNextVietnamDay(instant: Date): number {
  const local = instant.getTime() + OFFSET_MS;
  const nextMidnight = (Math.floor(local / DAY_MS) + 1) * DAY_MS;
  return Math.max(1, Math.ceil((nextMidnight - local) / 1000));
}

/** The instant a Vietnamese day begins (00:00 UTC+7). */
export function startOfVietnamDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - OFFSET_MS);
}

/** A day that exists (`2026-02-30` matches the `YYYY-MM-DD` pattern but not the calendar). */
export function isCalendarDay(day: string): boolean {
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day;
}
