import { versionChecks } from '@khoinghiep/http';

/** A profile is replaced under optimistic concurrency: If-Match, `INVESTOR_PROFILE_VERSION_*` problems. */
export const profileVersions = versionChecks({
  code: 'INVESTOR_PROFILE',
  name: { vi: 'hồ sơ nhà đầu tư', en: 'investor profile' },
});
