import { versionChecks } from '@khoinghiep/http';

/** A project is edited under optimistic concurrency: If-Match or the body's version, `PROJECT_VERSION_*` problems. */
export const projectVersions = versionChecks({ code: 'PROJECT', name: { vi: 'dự án', en: 'project' } });
