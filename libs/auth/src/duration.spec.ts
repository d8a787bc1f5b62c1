import { parseDurationSeconds } from './duration.js';

describe('parseDurationSeconds', () => {
  it.each([
    [900, 900],
    ['900', 900],
    ['30s', 30],
    ['15m', 900],
    ['1h', 3600],
    ['2d', 172800],
  ])('reads %p as %p seconds', (input, seconds) => {
    expect(parseDurationSeconds(input)).toBe(seconds);
  });

  it.each([['0'], ['-5'], ['15 minutes'], [''], [1.5]])('refuses %p', (input) => {
    expect(() => parseDurationSeconds(input)).toThrow(/Invalid duration/);
  });
});
