export * from './funding-vocabulary.js';
