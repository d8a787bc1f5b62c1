export * from './funding-vocabulary.js';
export * from './rule.routes.js';
export * from './rule.view.js';
export * from './rule-events.js';
export * from './rule-version.dto.js';
export * from './rule-vocabulary.js';
