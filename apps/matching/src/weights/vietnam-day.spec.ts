import { isCalendarDay, startOfVietnamDay, vietnamDayOf } from './vietnam-day.js';

describe('Vietnamese days', () => {
  it('reads an instant in UTC+7: 17:00 UTC is already the next day in Hà Nội', () => {
    expect(vietnamDayOf(new Date('2026-03-01T16:59:59.999Z'))).toBe('2026-03-01');
    expect(vietnamDayOf(new Date('2026-03-01T17:00:00.000Z'))).toBe('2026-03-02');
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
