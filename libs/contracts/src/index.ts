// class-transformer's @Type on the DTOs below needs the metadata API before they are declared.
import 'reflect-metadata';

export {
  breakingChanges,
  type ContractShape,
  type ContractShapes,
  contractKey,
  type FieldShape,
  shapeOf,
  shapesOf,
} from './contract-shape.js';
export {
  defineEvent,
  EventCatalogue,
  type EventContract,
  eventCatalogue,
  type PayloadClass,
  type PayloadOf,
} from './define-event.js';
export { ActorDto, EventEnvelopeDto } from './envelope.dto.js';
export { type Actor, type EventEnvelope, SYSTEM_ACTOR } from './envelope.js';
export {
  flattenValidationErrors,
  parseEnvelope,
  type Validated,
  validatePayload,
} from './event-validation.js';
export * from './funding/index.js';
export {
  type Class,
  defineRoutes,
  type FileMediaType,
  type HttpMethod,
  IDEMPOTENCY_PROBLEMS,
  type Page,
  type PathParam,
  type PathParamFormat,
  pathParamNames,
  REQUEST_HEADERS,
  RESPONSE_HEADERS,
  type RequestHeader,
  type ResponseHeader,
  type ResponseOf,
  type RouteAccess,
  type RouteDefinition,
  type RouteOwner,
  type RouteProblem,
  type RouteSpec,
  type ViewShape,
} from './http/define-route.js';
export { type Bilingual, Doc, type FieldDoc, fieldDocsOf, Nullable, nullableFieldsOf } from './http/doc.js';
export * from './identity/index.js';
export * from './matching/index.js';
export * from './projects/index.js';
export { ROLES, Role } from './role.js';
export { ROUTE_CATALOGUE } from './routes.js';
export {
  allTopicSpecs,
  DLQ_PARTITIONS,
  dlqTopicOf,
  isDlqTopic,
  originalTopicOf,
  TOPICS,
  type TopicSpec,
  withDeadLetterTopic,
} from './topics.js';
