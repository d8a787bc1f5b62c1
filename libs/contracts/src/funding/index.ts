export * from './funding-vocabulary.js';
export * from './rule-vocabulary.js';
