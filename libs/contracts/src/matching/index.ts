export * from './commitment-events.js';
export * from './labels.js';
export * from './match-weights.dto.js';
export * from './match-weights.routes.js';
export * from './match-weights.view.js';
export * from './match-weights-events.js';
export * from './matching-vocabulary.js';
export * from './regions.js';
