import { AccountStandingRecord } from './account-standing.entity.js';
import { AccountStanding1767225600100 } from './account-standing.migration.js';

export { AccountStandingRecord } from './account-standing.entity.js';
export { AccountStanding1767225600100 } from './account-standing.migration.js';
export { AccountStandingModule } from './account-standing.module.js';
export { AccountStandingProjector } from './account-standing.projector.js';
export { ServiceAccountStanding } from './service-account-standing.js';
export { STAFF_ROLES } from './staff-roles.js';

export const ACCOUNT_STANDING_ENTITIES = [AccountStandingRecord];
export const ACCOUNT_STANDING_MIGRATIONS = [AccountStanding1767225600100];
