import { DomainError } from '@khoinghiep/http';
import { assertCurrentVersion, versionPrecondition } from './version-precondition.js';

const problem = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, status: error.status };
    throw error;
  }
  return null;
};

describe('the version a change of a fund or call is based on', () => {
  it('comes from If-Match ("3", W/"3", 3) or the body, and both must agree', () => {
    expect(versionPrecondition('"3"', undefined, true)).toEqual({ version: 3, source: 'if-match' });
    expect(versionPrecondition('W/"3"', 3, true)).toEqual({ version: 3, source: 'if-match' });
    expect(versionPrecondition(undefined, 4, true)).toEqual({ version: 4, source: 'body' });
    expect(problem(() => versionPrecondition('"3"', 4, true))).toEqual({
      code: 'VERSION_INVALID',
      status: 400,
    });
    expect(problem(() => versionPrecondition('"3", "4"', undefined, true))).toEqual({
      code: 'VERSION_INVALID',
      status: 400,
    });
  });

  it('is required for an edit (428) and optional for a transition', () => {
    expect(problem(() => versionPrecondition(undefined, undefined, true))).toEqual({
      code: 'VERSION_REQUIRED',
      status: 428,
    });
    expect(versionPrecondition('*', undefined, false)).toBeNull();
  });

  it('refuses a stale version: 412 when it came in If-Match, 409 in the body, coded by what changed', () => {
    expect(problem(() => assertCurrentVersion('call', { version: 1, source: 'if-match' }, 2))).toEqual({
      code: 'CALL_VERSION_STALE',
      status: 412,
    });
    expect(problem(() => assertCurrentVersion('fund', { version: 1, source: 'body' }, 2))).toEqual({
      code: 'FUND_VERSION_STALE',
      status: 409,
    });
    expect(problem(() => assertCurrentVersion('call', null, 7))).toBeNull();
  });
});
