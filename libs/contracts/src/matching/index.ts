export * from './commitment-events.js';
export * from './interest-events.js';
export * from './matching-vocabulary.js';
