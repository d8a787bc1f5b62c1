import { isCalendarDay, secondsUntilNextVietnamDay, startOfVietnamDay, vietnamDayOf } from './vietnam-day.js';

describe('Vietnam calendar days (Asia/Ho_Chi_Minh, UTC+7)', () => {
  it('counts an instant in the Vietnamese day, which starts at 17:00 UTC the evening before', () => {
    expect(vietnamDayOf(new Date('2026-03-01T16:59:59.999Z'))).toBe('2026-03-01');
    expect(vietnamDayOf(new Date('2026-03-01T17:00:00.000Z'))).toBe('2026-03-02');
    expect(vietnamDayOf(new Date('2026-12-31T17:30:00.000Z'))).toBe('2027-01-01');
  });

  it('agrees with the time zone database on every hour of a year', () => {
    const zone = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });
    for (let hour = 0; hour < 366 * 24; hour += 5) {
      const instant = new Date(Date.UTC(2026, 0, 1) + hour * 3_600_000);
      expect(vietnamDayOf(instant)).toBe(zone.format(instant));
    }
  });

  it('says how long until the next Vietnamese midnight, for Retry-After', () => {
    expect(secondsUntilNextVietnamDay(new Date('2026-03-01T16:00:00.000Z'))).toBe(3600);
    expect(secondsUntilNextVietnamDay(new Date('2026-03-01T17:00:00.000Z'))).toBe(86_400);
    expect(secondsUntilNextVietnamDay(new Date('2026-03-01T16:59:59.900Z'))).toBe(1);
  });

  it('starts a day at 00:00 in Vietnam, the evening before in UTC', () => {
    expect(startOfVietnamDay('2026-01-01').toISOString()).toBe('2025-12-31T17:00:00.000Z');
    expect(vietnamDayOf(startOfVietnamDay('2026-01-01'))).toBe('2026-01-01');
  });

  it('knows which days exist', () => {
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(isCalendarDay('2027-02-29')).toBe(false);
    expect(isCalendarDay('2026-04-31')).toBe(false);
  });
});
