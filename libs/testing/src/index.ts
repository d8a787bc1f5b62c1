export {
  APP_NAMES,
  type AppName,
  REPO_ROOT,
  serviceUrls,
  TEST_ADMIN,
  TEST_METRICS_PORT,
  TEST_PORTS,
  testAppEnv,
} from './apps.js';
export { type DedicatedBroker, startDedicatedBroker } from './dedicated-broker.js';
export { EventTap, type TappedEvent } from './event-tap.js';
export { eventually } from './eventually.js';
export { envelopeOf, sendEvent } from './kafka-events.js';
export { e2eGatewayUrl, type Platform, startPlatform } from './platform.js';
export { projectBody } from './project-body.js';
export { freshDatabase, startServiceApp, userFactory } from './service-app.js';
export { type AppProcess, type ExitStatus, spawnApp } from './spawn-app.js';
