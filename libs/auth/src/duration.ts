const UNIT_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86400 };

/** `900`, `"900"`, `"15m"`, `"1h"`, `"30s"`, `"2d"` → seconds. Throws on anything else, so bad config fails at boot. */
export function parseDurationSeconds(value: string | number): number {
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value > 0) return value;
    throw new Error(`Invalid duration: ${value}`);
  }
  const match = /^\s*(\d+)\s*([smhd]?)\s*$/.exec(value);
  if (!match) throw new Error(`Invalid duration: "${value}" (use seconds or e.g. 15m, 1h)`);
  const seconds = Number(match[1]) * (UNIT_SECONDS[match[2] || 's'] ?? 1);
  if (seconds <= 0) throw new Error(`Invalid duration: "${value}"`);
  return seconds;
}
