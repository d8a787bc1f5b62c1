import { DomainError } from '../errors/domain-error.js';
import { CursorField, decodeCursor, encodeCursor, pageOf } from './cursor.js';

const id = '0198f1a2-7c3b-7d4e-8f90-123456789abc';
const checks = [CursorField.timestamp, CursorField.uuid] as const;

describe('page cursors', () => {
  it('decodes what it encoded for the same list', () => {
    const cursor = encodeCursor('catalogue', ['2025-09-01T08:00:00.123Z', id]);
    expect(decodeCursor<readonly [string, string]>(cursor, 'catalogue', checks)).toEqual([
      '2025-09-01T08:00:00.123Z',
      id,
    ]);
  });

  it.each([
    ['garbage', 'not-a-cursor'],
    ['a cursor of another list', encodeCursor('review-queue', ['2025-09-01T08:00:00.123Z', id])],
    ['a tampered id', encodeCursor('catalogue', ['2025-09-01T08:00:00.123Z', "x' OR 1=1 --"])],
    ['a tampered time', encodeCursor('catalogue', ['yesterday', id])],
    ['an impossible date', encodeCursor('catalogue', ['2026-02-30T00:00:00.000Z', id])],
    ['a time out of range', encodeCursor('catalogue', ['2026-01-01T25:00:00.000Z', id])],
    ['a time with an offset', encodeCursor('catalogue', ['2026-01-01T08:00:00+07:00', id])],
    ['a number for a time', encodeCursor('catalogue', [1767225600000, id])],
    ['missing values', encodeCursor('catalogue', [id])],
  ])('refuses %s with a 400 naming the cursor', (_case, cursor) => {
    try {
      decodeCursor(cursor, 'catalogue', checks);
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).status).toBe(400);
      expect((error as DomainError).errors[0]?.field).toBe('cursor');
    }
  });

  it('gives a next cursor only when more rows exist than the page holds', () => {
    const rows = [1, 2, 3];
    expect(
      pageOf(
        rows,
        2,
        (n) => n * 10,
        (n) => `c${n}`,
      ),
    ).toEqual({ items: [10, 20], nextCursor: 'c2' });
    expect(
      pageOf(
        rows,
        3,
        (n) => n,
        (n) => `c${n}`,
      ),
    ).toEqual({ items: [1, 2, 3], nextCursor: null });
  });
});
