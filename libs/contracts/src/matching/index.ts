export * from './commitment-events.js';
export * from './investor-profile-events.js';
export * from './labels.js';
export * from './matching-vocabulary.js';
export * from './regions.js';
