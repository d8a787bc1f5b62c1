export * from './commitment-events.js';
export * from './investor-profile.dto.js';
export * from './investor-profile.routes.js';
export * from './investor-profile.view.js';
export * from './investor-profile-events.js';
export * from './list-investors.query.js';
export * from './matching-vocabulary.js';
