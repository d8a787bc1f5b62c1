export * from './matching-vocabulary.js';
