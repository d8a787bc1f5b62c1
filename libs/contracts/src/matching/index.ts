export * from './commitment-events.js';
export * from './matching-vocabulary.js';
