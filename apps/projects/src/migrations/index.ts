import { MESSAGING_MIGRATIONS } from '@khoinghiep/messaging';
import { ReferenceProvinces1790000000000 } from './1790000000000-reference-provinces.js';
import { Projects1790000000001 } from './1790000000001-projects.js';
import { ProjectHistory1790000000002 } from './1790000000002-project-history.js';
import { ProjectSearchColumns1790000000003 } from './1790000000003-project-search-columns.js';

/** Every migration of the projects database, oldest first (the outbox and inbox tables come from messaging). */
export const projectsMigrations = [
  ...MESSAGING_MIGRATIONS,
  ReferenceProvinces1790000000000,
  Projects1790000000001,
  ProjectHistory1790000000002,
  ProjectSearchColumns1790000000003,
];
