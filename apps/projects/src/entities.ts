import { MESSAGING_ENTITIES } from '@khoinghiep/messaging';
import { ProjectHistoryEntry } from './history/project-history-entry.entity.js';
import { Project } from './projects/project.entity.js';
import { Province } from './reference/province.entity.js';

/** Every entity of the projects database (the outbox and inbox of the messaging library included). */
export const projectsEntities = [Province, Project, ProjectHistoryEntry, ...MESSAGING_ENTITIES];
