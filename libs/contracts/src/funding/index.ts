export * from './funding-vocabulary.js';
export * from './ledger.routes.js';
export * from './ledger.view.js';
export * from './ledger-events.js';
