export * from './create-project.dto.js';
export * from './list-projects.query.js';
export * from './project.view.js';
export * from './project-commands.dto.js';
export * from './project-events.js';
export * from './project-vocabulary.js';
export * from './provinces.js';
export * from './update-project.dto.js';
