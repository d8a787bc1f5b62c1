export { isDevelopmentSecret, ServiceEnv } from './service-env.js';
export { validateEnv } from './validate-env.js';
