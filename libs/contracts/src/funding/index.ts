export * from './application.dto.js';
export * from './application.routes.js';
export * from './application.view.js';
export * from './application-events.js';
export * from './application-field-rules.js';
export * from './call-vocabulary.js';
export * from './funding-vocabulary.js';
