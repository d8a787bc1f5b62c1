import { describe, expect, it } from '@jest/globals';
import { withinFloor } from './index-state.js';

const FLOOR = '5a000000-0000-4000-8000-000000000000';

describe('a match against a list’s floor', () => {
  it('is within an empty list', () => {
    expect(withinFloor('7a000000-0000-4000-8000-000000000000', 0, null, null)).toBe(true);
  });

  it('is within when it scores more, or as much with a lower id (the order of every list)', () => {
    expect(withinFloor('7a000000-0000-4000-8000-000000000000', 61.01, 61, FLOOR)).toBe(true);
    expect(withinFloor('4a000000-0000-4000-8000-000000000000', 61, 61, FLOOR)).toBe(true);
  });

  it('is beyond when it scores less, or as much with a higher id', () => {
    expect(withinFloor('1a000000-0000-4000-8000-000000000000', 60.99, 61, FLOOR)).toBe(false);
    expect(withinFloor('6a000000-0000-4000-8000-000000000000', 61, 61, FLOOR)).toBe(false);
  });

  it('is within when it is the floor itself, rescored as high (a pair already listed stays)', () => {
    expect(withinFloor(FLOOR, 61, 61, FLOOR)).toBe(true);
  });
});
