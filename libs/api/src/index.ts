export { Handles, routeDecorators, routeOf } from './handles.decorator.js';
export {
  IdempotencyKeyInvalidError,
  IdempotencyKeyRequiredError,
  IdempotencyKeyReusedError,
} from './idempotency/idempotency.errors.js';
export { IdempotencyInterceptor } from './idempotency/idempotency.interceptor.js';
export { IdempotencyModule } from './idempotency/idempotency.module.js';
export {
  IDEMPOTENCY_KEY_PATTERN,
  parseIdempotencyKey,
  requestFingerprint,
} from './idempotency/idempotency-key.js';
export { IdempotencyRecord } from './idempotency/idempotency-record.entity.js';
export { IdempotencyRecords1791000005000 } from './idempotency/idempotency-records.migration.js';
export {
  BODY_PROBLEMS,
  openApiPath,
  PROBLEM_SCHEMA,
  PROBLEM_SCHEMAS,
  problemsOf,
  type RoutesDocument,
  routesDocument,
} from './openapi/route-document.js';
export { bilingual, type Schema, SchemaCollector } from './openapi/schemas.js';
export { documentationProblems, featureControllers, routeBindingProblems } from './route-bindings.js';
