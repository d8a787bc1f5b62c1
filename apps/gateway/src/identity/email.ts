import { normaliseText } from '@khoinghiep/http';

/**
 * One account per address whatever its case or surrounding spaces: `  Lan@Example.VN ` → `lan@example.vn`. Over
 * HTTP the edge has already normalised the text; addresses from elsewhere (the first admin's, from the
 * environment) get the same treatment here. Look-alike addresses are kept out by the ASCII rule of
 * `AccountEmail`, not here.
 */
export function normaliseEmail(email: string): string {
  return normaliseText(email).toLowerCase();
}
