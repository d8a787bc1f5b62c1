import { DomainError } from '@khoinghiep/http';
import { assertCurrentVersion, etagOf, versionPrecondition } from './version-precondition.js';

const statusOf = (work: () => unknown): number | undefined => {
  try {
    work();
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? error.status : -1;
  }
};

describe('version precondition', () => {
  it.each([
    ['"3"', 3],
    ['W/"3"', 3],
    ['3', 3],
  ])('reads If-Match %s as version %i', (header, version) => {
    expect(versionPrecondition(header, undefined, true)).toEqual({ version, source: 'if-match' });
  });

  it('round-trips the ETag it issues', () => {
    expect(versionPrecondition(etagOf(12), undefined, true)).toEqual({ version: 12, source: 'if-match' });
  });

  it('reads the body version when there is no header', () => {
    expect(versionPrecondition(undefined, 4, true)).toEqual({ version: 4, source: 'body' });
  });

  it('asks for a version (428) when an edit names none', () => {
    expect(statusOf(() => versionPrecondition(undefined, undefined, true))).toBe(428);
    expect(statusOf(() => versionPrecondition('*', undefined, true))).toBe(428);
    expect(versionPrecondition(undefined, undefined, false)).toBeNull();
  });

  it('refuses a malformed If-Match, several tags, and a header that contradicts the body', () => {
    expect(statusOf(() => versionPrecondition('"abc"', undefined, true))).toBe(400);
    expect(statusOf(() => versionPrecondition('"1", "2"', undefined, true))).toBe(400);
    expect(statusOf(() => versionPrecondition('"2"', 3, true))).toBe(400);
  });

  it('answers a stale If-Match with 412 and a stale body version with 409', () => {
    expect(statusOf(() => assertCurrentVersion({ version: 2, source: 'if-match' }, 3))).toBe(412);
    expect(statusOf(() => assertCurrentVersion({ version: 2, source: 'body' }, 3))).toBe(409);
    expect(statusOf(() => assertCurrentVersion({ version: 3, source: 'body' }, 3))).toBeUndefined();
    expect(statusOf(() => assertCurrentVersion(null, 3))).toBeUndefined();
  });
});
