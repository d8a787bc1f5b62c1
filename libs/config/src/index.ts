export { installationJwtSecret, LOCAL_DIR } from './installation-secret.js';
export { ServiceEnv, validateServiceEnv, withInstallationJwtSecret } from './service-env.js';
export { validateEnv } from './validate-env.js';
