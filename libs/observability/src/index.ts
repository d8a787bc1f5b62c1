export { createJsonLogger, JsonLogger } from './json-logger.js';
export { type LivenessReport, reportLiveness } from './liveness.js';
export { listeningPort, startMetricsServer } from './metrics-server.js';
export { ObservabilityModule, type ObservabilityOptions } from './observability.module.js';
export {
  CORRELATION_ID_HEADER,
  type ContextActor,
  correlationIdFrom,
  currentActor,
  currentCausationId,
  currentCorrelationId,
  type RequestContextStore,
  SYSTEM_ACTOR,
} from './request-context.js';
export { RequestContextModule } from './request-context.module.js';
