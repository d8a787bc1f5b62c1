import { versionChecks } from '@khoinghiep/http';

/** A fund is edited under optimistic concurrency: If-Match or the body's version, `FUND_VERSION_*` problems. */
export const fundVersions = versionChecks({ code: 'FUND', name: { vi: 'quỹ', en: 'fund' } });
