export * from './commitment-events.js';
export * from './match-weights-events.js';
export * from './matching-vocabulary.js';
