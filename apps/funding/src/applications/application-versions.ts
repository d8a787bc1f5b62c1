import { versionChecks } from '@khoinghiep/http';

/** An application is edited under optimistic concurrency: If-Match or the body's version, `APPLICATION_VERSION_*` problems. */
export const applicationVersions = versionChecks({
  code: 'APPLICATION',
  name: { vi: 'đề án', en: 'application' },
});
