export * from './call-vocabulary.js';
export * from './funding-vocabulary.js';
