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
export * from './projects/index.js';
export { ROLES, Role } from './role.js';
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
