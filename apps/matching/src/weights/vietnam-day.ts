/**
 * Calendar days as people in Vietnam read them: Asia/Ho_Chi_Minh is UTC+7 all year (no daylight saving), so plain
 * offset arithmetic is exact. Days are `YYYY-MM-DD`.
 */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The day in Vietnam at `instant`. */
export function vietnamDayOf(instant: Date): string {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a Vietnamese day begins (00:00 UTC+7). */
export function startOfVietnamDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - VIETNAM_OFFSET_MS);
}

/** A day that exists (`2026-02-30` matches the pattern but not the calendar). */
export function isCalendarDay(day: string): boolean {
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day;
}
