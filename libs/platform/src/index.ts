export { API_PREFIX, type AppLaunch, runApp } from './run-app.js';
export { type ServiceFoundation, serviceFoundation } from './service-foundation.js';
