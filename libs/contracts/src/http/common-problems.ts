import type { RouteProblem } from './define-route.js';
import type { Bilingual } from './doc.js';

/** A list route's `cursor` that this API did not issue. */
export const BAD_CURSOR: RouteProblem = {
  status: 400,
  codes: ['VALIDATION_FAILED'],
  vi: 'Con trỏ trang không hợp lệ',
  en: 'Invalid page cursor',
};

/** `If-Match` names an older version of the thing (e.g. `CALL`, `{ vi: 'đợt', en: 'call' }`): `412`. */
export const staleIfMatch = (code: string, name: Bilingual): RouteProblem => ({
  status: 412,
  codes: [`${code}_VERSION_STALE`],
  vi: `If-Match đã cũ: ${name.vi} đã thay đổi`,
  en: `Stale If-Match: the ${name.en} has changed`,
});

/** `If-Match` is not a version this API issued: `400`. */
export const badIfMatch = (code: string): RouteProblem => ({
  status: 400,
  codes: [`${code}_VERSION_INVALID`],
  vi: 'If-Match không phải một phiên bản',
  en: 'If-Match is not a version',
});
