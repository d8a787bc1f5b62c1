import { versionChecks } from '@khoinghiep/http';

/** A funding call is edited under optimistic concurrency: If-Match or the body's version, `CALL_VERSION_*` problems. */
export const callVersions = versionChecks({ code: 'CALL', name: { vi: 'đợt', en: 'call' } });
