import { ReferenceProvinces1790000000000 } from './1790000000000-reference-provinces.js';
import { Projects1790000000001 } from './1790000000001-projects.js';
import { ProjectHistory1790000000002 } from './1790000000002-project-history.js';

/** Every migration of the projects database, oldest first. */
export const projectsMigrations = [
  ReferenceProvinces1790000000000,
  Projects1790000000001,
  ProjectHistory1790000000002,
];
