import { DomainError } from '@khoinghiep/http';

/** The version a change is based on, and where the caller said so (which decides `412` or `409` when stale). */
export interface VersionPrecondition {
  version: number;
  source: 'if-match' | 'body';
}

/** What a version belongs to, for the stale-version problem code (`FUND_VERSION_STALE`, `CALL_VERSION_STALE`). */
export type Versioned = 'fund' | 'call';

const NAMES: Record<Versioned, { vi: string; en: string }> = {
  fund: { vi: 'Quỹ', en: 'fund' },
  call: { vi: 'Đợt', en: 'call' },
};

/** The change was based on an older version than the stored one: `412` from `If-Match`, `409` from the body. */
export class StaleVersionError extends DomainError {
  constructor(
    what: Versioned,
    expectedVersion: number,
    currentVersion: number,
    source: VersionPrecondition['source'],
  ) {
    super({
      code: `${what.toUpperCase()}_VERSION_STALE`,
      status: source === 'if-match' ? 412 : 409,
      params: { expectedVersion, currentVersion, vi: NAMES[what].vi, en: NAMES[what].en },
      extensions: { expectedVersion, currentVersion },
      messages: {
        title: { vi: 'Đã có thay đổi khác', en: 'It has changed' },
        detail: {
          vi: 'Bạn sửa dựa trên phiên bản {expectedVersion} nhưng {vi} đã ở phiên bản {currentVersion}. Hãy tải lại rồi sửa tiếp.',
          en: 'Your change is based on version {expectedVersion} but the {en} is at version {currentVersion}. Reload it and try again.',
        },
      },
    });
  }
}

/** An edit must say which version it is based on (`If-Match` or `version`): `428`. */
export class VersionRequiredError extends DomainError {
  constructor() {
    super({
      code: 'VERSION_REQUIRED',
      status: 428,
      messages: {
        title: { vi: 'Thiếu phiên bản', en: 'Version required' },
        detail: {
          vi: 'Hãy gửi phiên bản bạn dựa vào, qua tiêu đề If-Match hoặc trường "version".',
          en: 'Send the version your change is based on, in the If-Match header or the "version" field.',
        },
      },
    });
  }
}

/** `If-Match` and `version` disagree, or `If-Match` is not a version this API issued: `400`. */
export class InvalidVersionError extends DomainError {
  constructor(reason: { vi: string; en: string }) {
    super({
      code: 'VERSION_INVALID',
      status: 400,
      params: { vi: reason.vi, en: reason.en },
      messages: {
        title: { vi: 'Phiên bản không hợp lệ', en: 'Invalid version' },
        detail: { vi: 'Phiên bản gửi kèm không hợp lệ: {vi}.', en: 'The version sent is not valid: {en}.' },
      },
    });
  }
}

/** The ETag of a version: a strong validator, the version number quoted. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

const ENTITY_TAG = /^(?:W\/)?"?(\d{1,9})"?$/;

/**
 * Reads `If-Match` (`"3"`, `W/"3"` or `3`; `*` states no version) and the body's `version`; both given must agree.
 * `required` makes an absent version a `428`.
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
    const match = tags.length === 1 ? ENTITY_TAG.exec(tags[0] ?? '') : null;
    if (!match)
      throw new InvalidVersionError({
        vi: 'If-Match phải là đúng một phiên bản do API cấp, ví dụ "3"',
        en: 'If-Match must be exactly one version this API issued, e.g. "3"',
      });
    fromHeader = Number(match[1]);
  }
  if (fromHeader !== undefined && bodyVersion !== undefined && fromHeader !== bodyVersion) {
    throw new InvalidVersionError({
      vi: 'If-Match và version chỉ hai phiên bản khác nhau',
      en: 'If-Match and version name different versions',
    });
  }
  if (fromHeader !== undefined) return { version: fromHeader, source: 'if-match' };
  if (bodyVersion !== undefined) return { version: bodyVersion, source: 'body' };
  if (required) throw new VersionRequiredError();
  return null;
}

/** Refuses a change based on another version than the stored one. */
export function assertCurrentVersion(
  what: Versioned,
  precondition: VersionPrecondition | null,
  currentVersion: number,
): void {
  if (precondition && precondition.version !== currentVersion) {
    throw new StaleVersionError(what, precondition.version, currentVersion, precondition.source);
  }
}

/** Same as `versionPrecondition(..., true)`, typed as always present. */
export function requiredVersionPrecondition(
  ifMatch: string | undefined,
  bodyVersion: number | undefined,
): VersionPrecondition {
  return versionPrecondition(ifMatch, bodyVersion, true) as VersionPrecondition;
}
