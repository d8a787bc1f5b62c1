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
