import { DomainError } from '../errors/domain-error.js';
import { etagOf, versionChecks } from './version-precondition.js';

const project = versionChecks({ code: 'PROJECT', name: { vi: 'dự án', en: 'project' } });
const versionPrecondition = project.precondition;
const assertCurrentVersion = project.assertCurrent;

const problemOf = (work: () => unknown): string | undefined => {
  try {
    work();
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? `${error.status} ${error.code}` : String(error);
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
    expect(problemOf(() => versionPrecondition(undefined, undefined, true))).toBe(
      '428 PROJECT_VERSION_REQUIRED',
    );
    expect(problemOf(() => versionPrecondition('*', undefined, true))).toBe('428 PROJECT_VERSION_REQUIRED');
    expect(versionPrecondition(undefined, undefined, false)).toBeNull();
  });

  it('refuses a malformed If-Match, several tags, and a header that contradicts the body', () => {
    expect(problemOf(() => versionPrecondition('"abc"', undefined, true))).toBe(
      '400 PROJECT_VERSION_INVALID',
    );
    expect(problemOf(() => versionPrecondition('"1", "2"', undefined, true))).toBe(
      '400 PROJECT_VERSION_INVALID',
    );
    expect(problemOf(() => versionPrecondition('"2"', 3, true))).toBe('400 PROJECT_VERSION_INVALID');
  });

  it('answers a stale If-Match with 412 and a stale body version with 409', () => {
    expect(problemOf(() => assertCurrentVersion({ version: 2, source: 'if-match' }, 3))).toBe(
      '412 PROJECT_VERSION_STALE',
    );
    expect(problemOf(() => assertCurrentVersion({ version: 2, source: 'body' }, 3))).toBe(
      '409 PROJECT_VERSION_STALE',
    );
    expect(problemOf(() => assertCurrentVersion({ version: 3, source: 'body' }, 3))).toBeUndefined();
    expect(problemOf(() => assertCurrentVersion(null, 3))).toBeUndefined();
  });

  it('names the thing in its problem', () => {
    const call = versionChecks({ code: 'CALL', name: { vi: 'đợt', en: 'call' } });
    expect(problemOf(() => call.assertCurrent({ version: 1, source: 'body' }, 2))).toBe(
      '409 CALL_VERSION_STALE',
    );
    expect(problemOf(() => call.required(undefined, undefined))).toBe('428 CALL_VERSION_REQUIRED');
  });
});
