import { DomainError } from '../errors/domain-error.js';
import type { LocalisedText } from '../i18n/locale.js';

/** The version a change is based on, and where the caller said so (which decides `412` or `409` when stale). */
export interface VersionPrecondition {
  version: number;
  source: 'if-match' | 'body';
}

/** Something edited under optimistic concurrency: the prefix of its problem codes and its name, lower case. */
export interface VersionedThing {
  /** e.g. `PROJECT`: the problems are `PROJECT_VERSION_STALE`, `_REQUIRED` and `_INVALID`. */
  code: string;
  /** e.g. `{ vi: 'dự án', en: 'project' }`. */
  name: LocalisedText;
}

/** The ETag of a version: a strong validator, the version number quoted. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);

/** The change was based on an older version than the stored one: `412` from `If-Match`, `409` from the body. */
export class StaleVersionError extends DomainError {
  constructor(
    thing: VersionedThing,
    expectedVersion: number,
    currentVersion: number,
    source: VersionPrecondition['source'],
  ) {
    super({
      code: `${thing.code}_VERSION_STALE`,
      status: source === 'if-match' ? 412 : 409,
      params: { expectedVersion, currentVersion },
      extensions: { expectedVersion, currentVersion },
      messages: {
        title: {
          vi: `${capitalised(thing.name.vi)} đã được thay đổi`,
          en: `The ${thing.name.en} has changed`,
        },
        detail: {
          vi: `Bạn sửa dựa trên phiên bản {expectedVersion} nhưng ${thing.name.vi} đã ở phiên bản {currentVersion}. Hãy tải lại rồi sửa tiếp.`,
          en: `Your change is based on version {expectedVersion} but the ${thing.name.en} is at version {currentVersion}. Reload it and try again.`,
        },
      },
    });
  }
}

/** An edit must say which version it is based on (`If-Match` or `version`): `428`. */
export class VersionRequiredError extends DomainError {
  constructor(thing: VersionedThing) {
    super({
      code: `${thing.code}_VERSION_REQUIRED`,
      status: 428,
      messages: {
        title: { vi: 'Thiếu phiên bản', en: 'Version required' },
        detail: {
          vi: `Hãy gửi phiên bản ${thing.name.vi} bạn dựa vào, qua tiêu đề If-Match hoặc trường "version".`,
          en: `Send the ${thing.name.en} version your change is based on, in the If-Match header or the "version" field.`,
        },
      },
    });
  }
}

/** `If-Match` and `version` disagree, or `If-Match` is not a version this API issued: `400`. */
export class InvalidVersionError extends DomainError {
  constructor(thing: VersionedThing, reason: LocalisedText) {
    super({
      code: `${thing.code}_VERSION_INVALID`,
      status: 400,
      params: { vi: reason.vi, en: reason.en },
      messages: {
        title: { vi: 'Phiên bản không hợp lệ', en: 'Invalid version' },
        detail: { vi: 'Phiên bản gửi kèm không hợp lệ: {vi}.', en: 'The version sent is not valid: {en}.' },
      },
    });
  }
}

const ENTITY_TAG = /^(?:W\/)?"?(\d{1,9})"?$/;

/** Reading and checking the version an edit of one kind of thing is based on. */
export interface VersionChecks {
  /**
   * Reads `If-Match` (`"3"`, `W/"3"` or `3`; `*` means "whatever exists" and states no version) and the body's
   * `version`; both given must agree. `required` makes an absent version a `428`.
   */
  precondition(
    ifMatch: string | undefined,
    bodyVersion: number | undefined,
    required: boolean,
  ): VersionPrecondition | null;
  /** Same as `precondition(..., true)`, typed as always present. */
  required(ifMatch: string | undefined, bodyVersion: number | undefined): VersionPrecondition;
  /** Refuses a change based on another version than the stored one. */
  assertCurrent(precondition: VersionPrecondition | null, currentVersion: number): void;
}

/** The version checks of `thing`, whose problems carry its code and name. */
export function versionChecks(thing: VersionedThing): VersionChecks {
  const precondition: VersionChecks['precondition'] = (ifMatch, bodyVersion, required) => {
    let fromHeader: number | undefined;
    const header = ifMatch?.trim();
    if (header && header !== '*') {
      const tags = header.split(',').map((tag) => tag.trim());
      const match = tags.length === 1 ? ENTITY_TAG.exec(tags[0] ?? '') : null;
      if (!match)
        throw new InvalidVersionError(thing, {
          vi: 'If-Match phải là đúng một phiên bản do API cấp, ví dụ "3"',
          en: 'If-Match must be exactly one version this API issued, e.g. "3"',
        });
      fromHeader = Number(match[1]);
    }
    if (fromHeader !== undefined && bodyVersion !== undefined && fromHeader !== bodyVersion) {
      throw new InvalidVersionError(thing, {
        vi: 'If-Match và version chỉ hai phiên bản khác nhau',
        en: 'If-Match and version name different versions',
      });
    }
    if (fromHeader !== undefined) return { version: fromHeader, source: 'if-match' };
    if (bodyVersion !== undefined) return { version: bodyVersion, source: 'body' };
    if (required) throw new VersionRequiredError(thing);
    return null;
  };
  return {
    precondition,
    required: (ifMatch, bodyVersion) => precondition(ifMatch, bodyVersion, true) as VersionPrecondition,
    assertCurrent: (given, currentVersion) => {
      if (given && given.version !== currentVersion) {
        throw new StaleVersionError(thing, given.version, currentVersion, given.source);
      }
    },
  };
}
