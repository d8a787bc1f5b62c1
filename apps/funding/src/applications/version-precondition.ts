import {
  ApplicationVersionRequiredError,
  InvalidApplicationVersionError,
  StaleApplicationVersionError,
} from './application.errors.js';

/** The version a change is based on, and where the caller said so (which decides `412` or `409` when stale). */
export interface VersionPrecondition {
  version: number;
  source: 'if-match' | 'body';
}

/** The ETag of an application version: a strong validator, the version number quoted. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

const ENTITY_TAG = /^(?:W\/)?"?(\d{1,9})"?$/;

/**
 * Reads `If-Match` (`"3"`, `W/"3"` or `3`; `*` means "whatever exists" and states no version) and the body's
 * `version`. When both are given they must agree. `required` makes an absent version a `428`.
 */
export function versionPrecondition(
  ifMatch: string | undefined,
  bodyVersion: number | undefined,
  required: boolean,
): VersionPrecondition | null {
  let fromHeader: number | undefined;
  const header = ifMatch?.trim();
  if (header && header !== '*') {
    const tags = header.split(',').map((tag) => tag.trim());
    if (tags.length !== 1) throw new InvalidApplicationVersionError('If-Match must name exactly one version');
    const match = ENTITY_TAG.exec(tags[0] ?? '');
    if (!match)
      throw new InvalidApplicationVersionError('If-Match must be a version this API issued, e.g. "3"');
    fromHeader = Number(match[1]);
  }
  if (fromHeader !== undefined && bodyVersion !== undefined && fromHeader !== bodyVersion) {
    throw new InvalidApplicationVersionError('If-Match and version name different versions');
  }
  if (fromHeader !== undefined) return { version: fromHeader, source: 'if-match' };
  if (bodyVersion !== undefined) return { version: bodyVersion, source: 'body' };
  if (required) throw new ApplicationVersionRequiredError();
  return null;
}

/** Same as `versionPrecondition(..., true)`, typed as always present. */
export function requiredVersionPrecondition(
  ifMatch: string | undefined,
  bodyVersion: number | undefined,
): VersionPrecondition {
  return versionPrecondition(ifMatch, bodyVersion, true) as VersionPrecondition;
}

/** Refuses a change based on another version than the stored one. */
export function assertCurrentVersion(precondition: VersionPrecondition | null, currentVersion: number): void {
  if (precondition && precondition.version !== currentVersion) {
    throw new StaleApplicationVersionError(precondition.version, currentVersion, precondition.source);
  }
}
